import { DEFAULT_READINESS_STANDARD as D } from '@enlace/rules';
import { describe, expect, it } from 'vitest';
import esCatalogue from '../../i18n/forces.es.json';
import enCatalogue from '../../i18n/forces.en.json';
import { STANDARD_ERROR_CODES } from '@enlace/rules';
import { checkDraft, draftOf, fieldOf, requirementParts } from './standard-form.ts';

describe('the readiness standard form', () => {
  it('starts from the thresholds in force, in percent', () => {
    const d = draftOf(D);
    expect(d.levels.P).toEqual(['90', '80', '70']);
    expect(d.levels.T).toEqual(['85', '65', '50']);
    expect([d.lethalMaxShare, d.trainedShare, d.ratingYes, d.ratingQualified]).toEqual(['20', '85', '90', '70']);
  });

  it('builds the next version with the changed thresholds', () => {
    const d = { ...draftOf(D), version: '2027.1', levels: { ...draftOf(D).levels, P: ['85', '75', '65'] as [string, string, string] } };
    const r = checkDraft(D, d);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.standard.levels.P.min).toEqual([0.85, 0.75, 0.65]);
      expect(r.standard.version).toBe('2027.1');
      expect(r.standard.references).toEqual(D.references);
    }
  });

  it.each([
    ['increasing boundaries', { levels: { ...draftOf(D).levels, S: ['60', '70', '80'] as [string, string, string] } }, 'STANDARD_LEVELS_INCREASING', 'levels.S'],
    ['a share over 100 %', { lethalMaxShare: '120' }, 'STANDARD_SHARE_OUT_OF_RANGE', 'lethal.maxShare'],
    ['text instead of a number', { trainedShare: 'mucho' }, 'STANDARD_INVALID', 'mets.trainedShare'],
    ['Q above Y', { ratingQualified: '95' }, 'STANDARD_RATING_ORDER', 'mets.rating'],
    ['no version', { version: '' }, 'STANDARD_VERSION_REQUIRED', 'version'],
    ['the version in force', { version: D.version }, 'STANDARD_VERSION_UNCHANGED', 'version'],
  ])('names the field of %s', (_name, change, code, field) => {
    const r = checkDraft(D, { ...draftOf(D), version: '2027.1', ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, fieldOf(i.path)])).toContainEqual([code, field]);
  });

  it('has a Spanish and an English message for every validation code', () => {
    for (const code of STANDARD_ERROR_CODES) {
      expect(esCatalogue.forces.standard.error[code]).toBeTruthy();
      expect(enCatalogue.forces.standard.error[code]).toBeTruthy();
    }
  });

  it('reads an equipment requirement', () => {
    expect(requirementParts({ category: 'DRON', withRadio: false, perMember: 0, perMembers: 120, perUnit: 0, minimum: 1, ref: 'cssu' }))
      .toEqual({ kind: 'perMembers', n: 120, minimum: 1 });
    expect(requirementParts({ category: 'RADIO', withRadio: false, perMember: 1, perMembers: null, perUnit: 0, minimum: 0, ref: 'cssu' }).kind).toBe('perMember');
  });
});
