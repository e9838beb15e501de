import i18next from 'i18next';
import type { TCrimeTypeMapping } from '@enlace/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import es from '../../i18n/es.json';
import { checkMappingDraft, draftOf, emptyMappingDraft, groupMappings, sourceSystems } from './crime-mappings-model.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } });
});

const rows: TCrimeTypeMapping[] = [
  { sourceSystem: 'SIDPOL', localCode: 'ROBO AGRAVADO', crimeType: 'ROBO', note: null },
  { sourceSystem: 'CHICAGO', localCode: 'THEFT', crimeType: 'HURTO', note: null },
  { sourceSystem: 'SIDPOL', localCode: 'HURTO', crimeType: 'HURTO', note: null },
  { sourceSystem: 'CHICAGO', localCode: 'BURGLARY', crimeType: 'HURTO', note: 'Hurto agravado en casa habitada, art. 186' },
];
const names: Record<string, string> = { ROBO: 'Robo', HURTO: 'Hurto' };

describe('groupMappings', () => {
  it('groups by source system, systems and codes in order', () => {
    expect(groupMappings(rows, { system: '', text: '' }).map((g) => [g.system, g.rows.map((r) => r.localCode)])).toEqual([
      ['CHICAGO', ['BURGLARY', 'THEFT']],
      ['SIDPOL', ['HURTO', 'ROBO AGRAVADO']],
    ]);
    expect(sourceSystems(rows)).toEqual(['CHICAGO', 'SIDPOL']);
  });

  it('filters by system and by text in code, type name or note, ignoring case and accents', () => {
    expect(groupMappings(rows, { system: 'SIDPOL', text: '' }).map((g) => g.system)).toEqual(['SIDPOL']);
    const byName = groupMappings(rows, { system: '', text: 'robo' }, (c) => names[c] ?? c);
    expect(byName.flatMap((g) => g.rows.map((r) => r.localCode))).toEqual(['ROBO AGRAVADO']);
    const byNote = groupMappings(rows, { system: '', text: 'artículo' }, (c) => names[c] ?? c);
    expect(byNote).toEqual([]);
    expect(groupMappings(rows, { system: 'CHICAGO', text: 'habitáda' }).flatMap((g) => g.rows.map((r) => r.localCode))).toEqual(['BURGLARY']);
    expect(groupMappings(rows, { system: 'VANCOUVER', text: '' })).toEqual([]);
  });
});

describe('checkMappingDraft', () => {
  it('takes the system in upper case, leaves the code for the server to normalise, and drops an empty note', () => {
    const checked = checkMappingDraft({ sourceSystem: ' sidpol ', localCode: 'Robo de celular', crimeType: 'ROBO', note: '  ' });
    expect(checked).toEqual({ ok: true, value: { sourceSystem: 'SIDPOL', localCode: 'Robo de celular', crimeType: 'ROBO' } });
  });

  it('reports each bad field with the message given for it', () => {
    const checked = checkMappingDraft(
      { sourceSystem: 'SIDPOL;--', localCode: '\u0301', crimeType: '', note: '' },
      { sourceSystem: 'bad system', localCode: 'bad code' },
    );
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? {} : checked.errors;
    expect(errors).toMatchObject({ sourceSystem: 'bad system', localCode: 'bad code' });
    expect(Object.keys(errors).sort()).toEqual(['crimeType', 'localCode', 'sourceSystem']);
    const long = checkMappingDraft({ ...emptyMappingDraft(), sourceSystem: 'X1', localCode: 'A'.repeat(201), crimeType: 'OTRO' });
    expect(long.ok ? null : long.errors.localCode).toContain('200');
  });

  it('fills the form with a row to change it', () => {
    expect(draftOf(rows[3]!)).toEqual({ sourceSystem: 'CHICAGO', localCode: 'BURGLARY', crimeType: 'HURTO', note: 'Hurto agravado en casa habitada, art. 186' });
  });
});
