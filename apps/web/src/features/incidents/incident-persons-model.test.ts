import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import es from '../../i18n/es.json';
import detail from '../../i18n/incident-detail.es.json';
import { checkSuspectDraft, checkVictimDraft, emptySuspectDraft, emptyVictimDraft, personsAccess } from './incident-persons-model.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: { ...es, ...detail } } } });
});

describe('personsAccess', () => {
  it('shows the lists only with incident:person:read and the forms only with incident:person:write', () => {
    expect(personsAccess(['incident:read', 'incident:person:read', 'incident:person:write'])).toEqual({ read: true, write: true });
    // The operator records victims without reading them back; oversight reads without writing; the analyst neither.
    expect(personsAccess(['incident:read', 'incident:person:write'])).toEqual({ read: false, write: true });
    expect(personsAccess(['incident:read', 'incident:person:read'])).toEqual({ read: true, write: false });
    expect(personsAccess(['incident:read', 'incident:write'])).toEqual({ read: false, write: false });
  });
});

describe('checkVictimDraft', () => {
  it('sends only what was typed, trimmed, with the age as a number', () => {
    const checked = checkVictimDraft({ ...emptyVictimDraft(), fullName: '  Ana Quispe ', sex: 'F', age: ' 34 ' });
    expect(checked).toEqual({ ok: true, value: { fullName: 'Ana Quispe', sex: 'F', age: 34 } });
  });

  it('refuses an empty form, and reports bad values on their fields in Spanish', () => {
    expect(checkVictimDraft({ ...emptyVictimDraft(), notes: '   ' })).toEqual({ ok: false, errors: { form: 'Indique al menos un dato.' } });
    const checked = checkVictimDraft({ ...emptyVictimDraft(), fullName: 'Ana', age: '131', documentId: '1'.repeat(33) });
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? {} : checked.errors;
    expect(Object.keys(errors).sort()).toEqual(['age', 'documentId']);
    expect(errors.documentId).toContain('32');
    expect(checkVictimDraft({ ...emptyVictimDraft(), age: 'treinta' }).ok).toBe(false);
  });
});

describe('checkSuspectDraft', () => {
  it('keeps the detained flag and needs one detail besides it', () => {
    expect(checkSuspectDraft({ ...emptySuspectDraft(), detained: true })).toEqual({ ok: false, errors: { form: 'Indique al menos un dato.' } });
    expect(checkSuspectDraft({ ...emptySuspectDraft(), alias: 'el Flaco', detained: true })).toEqual({ ok: true, value: { alias: 'el Flaco', detained: true } });
    expect(checkSuspectDraft({ ...emptySuspectDraft(), alias: 'x', description: 'd'.repeat(2001) }).ok).toBe(false);
  });
});
