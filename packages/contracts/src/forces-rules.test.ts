import { describe, expect, it } from 'vitest';
import { equipmentDetailsProblem, unitParentProblem } from './forces-rules.ts';

const radio = { modes: ['P25'], talkgroups: [] };
const drone = { model: 'DJI Matrice 30T', camera: 'Térmica', videoLink: 'OcuSync 3' };
const vehicle = { plate: 'EP-1234', kind: 'Camioneta', hasRadio: true };

describe('equipmentDetailsProblem', () => {
  it.each([
    ['a radio with its modes', { category: 'RADIO', radio }, null],
    ['a drone with model, camera and video link', { category: 'DRON', drone }, null],
    ['a vehicle with plate and kind', { category: 'VEHICULO', vehicle }, null],
    ['a shield without details', { category: 'ESCUDO', radio: null, drone: null, vehicle: null }, null],
    ['a radio without details', { category: 'RADIO', radio: null }, { code: 'EQUIPMENT_DETAILS_REQUIRED', details: 'radio', category: 'RADIO' }],
    ['a radio with the details left out', { category: 'RADIO' }, { code: 'EQUIPMENT_DETAILS_REQUIRED', details: 'radio', category: 'RADIO' }],
    ['a drone without details', { category: 'DRON', drone: null }, { code: 'EQUIPMENT_DETAILS_REQUIRED', details: 'drone', category: 'DRON' }],
    ['a vehicle without details', { category: 'VEHICULO' }, { code: 'EQUIPMENT_DETAILS_REQUIRED', details: 'vehicle', category: 'VEHICULO' }],
    ['a baton with radio details', { category: 'BASTON', radio }, { code: 'EQUIPMENT_DETAILS_MISMATCH', details: 'radio', category: 'RADIO' }],
    ['a radio that also has drone details', { category: 'RADIO', radio, drone }, { code: 'EQUIPMENT_DETAILS_MISMATCH', details: 'drone', category: 'DRON' }],
  ] as const)('%s', (_name, record, problem) => {
    expect(equipmentDetailsProblem(record)).toEqual(problem);
  });
});

describe('unitParentProblem', () => {
  it.each([
    ['an EP brigade under its division', { force: 'EP', echelon: 'brigada' }, { force: 'EP', echelon: 'division' }, null],
    ['a PNP comisaría under a region (skipping the division)', { force: 'PNP', echelon: 'comisaria' }, { force: 'PNP', echelon: 'region' }, null],
    ['a CCFFAA operational command under the Comando Conjunto', { force: 'CCFFAA', echelon: 'comando_operacional' }, { force: 'CCFFAA', echelon: 'comando' }, null],
    ['the EP command under the Comando Conjunto', { force: 'EP', echelon: 'comando' }, { force: 'CCFFAA', echelon: 'comando' }, null],
    ['a FAP group under a CCFFAA operational command', { force: 'FAP', echelon: 'grupo' }, { force: 'CCFFAA', echelon: 'comando_operacional' }, null],
  ] as const)('allows %s', (_name, unit, parent, problem) => {
    expect(unitParentProblem(unit, parent)).toEqual(problem);
  });

  it.each([
    ['a PNP comisaría under an EP battalion', { force: 'PNP', echelon: 'comisaria' }, { force: 'EP', echelon: 'batallon' }, 'PNP', 'EP'],
    ['an EP company under a PNP comisaría', { force: 'EP', echelon: 'compania' }, { force: 'PNP', echelon: 'comisaria' }, 'EP', 'PNP'],
    ['a PNP region under the Comando Conjunto', { force: 'PNP', echelon: 'region' }, { force: 'CCFFAA', echelon: 'comando' }, 'PNP', 'CCFFAA'],
    ['an MGP battalion under an EP division', { force: 'MGP', echelon: 'batallon' }, { force: 'EP', echelon: 'division' }, 'MGP', 'EP'],
    ['the Comando Conjunto under the EP command', { force: 'CCFFAA', echelon: 'comando' }, { force: 'EP', echelon: 'comando' }, 'CCFFAA', 'EP'],
  ] as const)('refuses %s (another hierarchy)', (_name, unit, parent, force, parentForce) => {
    expect(unitParentProblem(unit, parent)).toEqual({ code: 'UNIT_PARENT_OTHER_FORCE', force, parentForce });
  });

  it.each([
    ['a division under a brigade', { force: 'EP', echelon: 'division' }, { force: 'EP', echelon: 'brigada' }, 'comando, comando_operacional'],
    ['a company under a company', { force: 'EP', echelon: 'compania' }, { force: 'EP', echelon: 'compania' }, 'comando, comando_operacional, division, brigada, batallon'],
    ['a command under a command of the same force', { force: 'CCFFAA', echelon: 'comando' }, { force: 'CCFFAA', echelon: 'comando' }, '—'],
    ['the EP command under a CCFFAA operational command', { force: 'EP', echelon: 'comando' }, { force: 'CCFFAA', echelon: 'comando_operacional' }, '—'],
  ] as const)('refuses %s (not a higher echelon)', (_name, unit, parent, higher) => {
    expect(unitParentProblem(unit, parent)).toEqual({ code: 'UNIT_PARENT_NOT_HIGHER', echelon: unit.echelon, parentEchelon: parent.echelon, higher });
  });
});
