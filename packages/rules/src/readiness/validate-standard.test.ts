import { describe, expect, it } from 'vitest';
import { DEFAULT_READINESS_STANDARD as D } from './default-readiness-standard.ts';
import { standardRef, validateReadinessStandard } from './validate-standard.ts';

const next = { ...D, version: '2027.1' };

describe('validateReadinessStandard', () => {
  it('accepts the default standard as a new version of itself with a new version string', () => {
    const r = validateReadinessStandard(next, D);
    expect(r.ok).toBe(true);
    if (r.ok) expect(standardRef(r.standard)).toBe('APOYO_SEGURIDAD_CIUDADANA@2027.1');
  });

  it.each([
    ['a share above 1', { levels: { ...D.levels, P: { min: [1.2, 0.8, 0.7], ref: 'usr' } } }, 'STANDARD_SHARE_OUT_OF_RANGE', 'levels.P.min.0'],
    ['a negative lethal share', { lethal: { ...D.lethal, maxShare: -0.1 } }, 'STANDARD_SHARE_OUT_OF_RANGE', 'lethal.maxShare'],
    ['increasing boundaries', { levels: { ...D.levels, R: { min: [0.6, 0.7, 0.9], ref: 'usr' } } }, 'STANDARD_LEVELS_INCREASING', 'levels.R.min'],
    ['Q above Y', { mets: { ...D.mets, rating: { yes: 0.7, qualified: 0.9 } } }, 'STANDARD_RATING_ORDER', 'mets.rating'],
    ['a requirement without a known reference', { lethal: { ...D.lethal, ref: 'nowhere' } }, 'STANDARD_UNKNOWN_REFERENCE', 'lethal.ref'],
    ['an empty version', { version: ' ' }, 'STANDARD_VERSION_REQUIRED', 'version'],
    ['the version in force', { version: D.version }, 'STANDARD_VERSION_UNCHANGED', 'version'],
    ['another standard', { standardId: 'OTRO' }, 'STANDARD_ID_CHANGED', 'standardId'],
    ['an unknown field', { extra: 1 }, 'STANDARD_INVALID', ''],
  ])('refuses %s with its code and path', (_name, change, code, path) => {
    const r = validateReadinessStandard({ ...next, ...change }, D);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
      for (const i of r.issues) expect(i.message.es.length * i.message.en.length).toBeGreaterThan(0);
    }
  });

  it('without a version in force checks the schema only', () => {
    expect(validateReadinessStandard(D).ok).toBe(true);
  });
});
