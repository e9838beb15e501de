import { describe, expect, it } from 'vitest';
import { codeSystems, defaultImportOptions, describedImportOptions, importOptionsFor, importOptionsProblems, OTHER_CRS } from './import-options.ts';

describe('import options', () => {
  it('takes none for the forces kinds', () => {
    expect(importOptionsFor('personnel', defaultImportOptions('personnel'))).toBeUndefined();
    expect(importOptionsProblems('personnel', { ...defaultImportOptions('personnel'), source: '' })).toEqual([]);
  });

  it("starts from the server's defaults: an untouched incident form leaves the code system to the server", () => {
    expect(importOptionsFor('incidents', defaultImportOptions('incidents'))).toEqual({
      source: 'PNP', classification: 'RESERVADO', crs: 'EPSG:4326', timeZone: 'America/Lima', exercise: false,
    });
    expect(importOptionsFor('incident-aggregates', defaultImportOptions('incident-aggregates'))).toEqual({ source: 'SIDPOL', codeSystem: 'SIDPOL', classification: 'PUBLICO' });
  });

  it('sends a projected system, another EPSG code written loosely, and the exercise label', () => {
    const d = { ...defaultImportOptions('incidents'), source: ' CHICAGO ', codeSystem: 'CHICAGO', crs: OTHER_CRS, otherCrs: 'epsg:3435', exercise: true };
    expect(importOptionsFor('incidents', d)).toMatchObject({ source: 'CHICAGO', codeSystem: 'CHICAGO', crs: 'EPSG:3435', exercise: true });
    expect(importOptionsFor('incidents', { ...d, otherCrs: '32718' })).toMatchObject({ crs: 'EPSG:32718' });
  });

  it('names the fields the server would refuse', () => {
    const d = { ...defaultImportOptions('incidents'), source: 'pnp lima', crs: OTHER_CRS, otherCrs: 'UTM 18S', timeZone: ' ' };
    expect(importOptionsProblems('incidents', d).map((p) => p.field)).toEqual(['source', 'otherCrs', 'timeZone']);
    expect(importOptionsProblems('incident-aggregates', { ...d, source: 'SIDPOL' })).toEqual([]);
  });

  it('offers each mapping table once, in order', () => {
    expect(codeSystems([{ sourceSystem: 'SIDPOL' }, { sourceSystem: 'CHICAGO' }, { sourceSystem: 'SIDPOL' }])).toEqual(['CHICAGO', 'SIDPOL']);
  });
});

describe('the options a run was created with', () => {
  it('lists what was set, in the form order, without the unset or false ones', () => {
    expect(describedImportOptions({ exercise: true, crs: 'EPSG:32718', source: 'PNP', codeSystem: undefined, timeZone: 'America/Lima' })).toEqual([
      { key: 'imports.options.source', value: 'PNP' },
      { key: 'imports.options.crs', value: 'EPSG:32718' },
      { key: 'imports.options.timeZone', value: 'America/Lima' },
      { key: 'imports.options.exercise', value: '✓' },
    ]);
    expect(describedImportOptions({ exercise: false })).toEqual([]);
  });
});
