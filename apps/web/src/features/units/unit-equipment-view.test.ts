import { describe, expect, it } from 'vitest';
import { equipmentDetail } from './unit-equipment-view.ts';

describe('equipmentDetail', () => {
  it('lists a radio\'s modes and talkgroups', () => {
    expect(equipmentDetail({ radio: { modes: ['P25', 'analog'], talkgroups: ['PNP-LIMA-1', 'CCO'] }, drone: null, vehicle: null }))
      .toEqual({ kind: 'radio', modes: 'P25, analog', talkgroups: 'PNP-LIMA-1, CCO' });
  });
  it('marks a radio without talkgroups', () => {
    expect(equipmentDetail({ radio: { modes: ['DMR'], talkgroups: [] }, drone: null, vehicle: null })).toEqual({ kind: 'radio', modes: 'DMR', talkgroups: '—' });
  });
  it('gives a drone\'s model, camera and video link, and a vehicle\'s plate and radio', () => {
    expect(equipmentDetail({ radio: null, drone: { model: 'M30T', camera: 'Térmica', videoLink: 'OcuSync' }, vehicle: null }))
      .toEqual({ kind: 'drone', model: 'M30T', camera: 'Térmica', videoLink: 'OcuSync' });
    expect(equipmentDetail({ radio: null, drone: null, vehicle: { plate: 'EP-1', kind: 'Camión', hasRadio: false } }))
      .toEqual({ kind: 'vehicle', plate: 'EP-1', kind2: 'Camión', radio: false });
  });
  it('is null for an item without details', () => {
    expect(equipmentDetail({ radio: null, drone: null, vehicle: null })).toBeNull();
  });
});
