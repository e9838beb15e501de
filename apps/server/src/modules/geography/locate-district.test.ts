import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { locateDistrict } from './locate-district.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('locateDistrict on %s', (_name, backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.db();
  });

  it('finds Miraflores (150122) with its province and department for a point in Miraflores', async () => {
    expect(await locateDistrict({ db, lon: -77.03, lat: -12.12 })).toEqual({
      ubigeo: '150122',
      name: 'Miraflores',
      provinceUbigeo: '1501',
      province: 'Lima',
      departmentUbigeo: '15',
      department: 'Lima',
      geometrySource: 'ign_lima_callao',
    });
  });

  it('finds a Cusco district for a point in the city of Cusco, from the INEI map', async () => {
    const hit = await locateDistrict({ db, lon: -71.9785, lat: -13.5167 });
    expect(hit?.ubigeo).toMatch(/^0801[0-9]{2}$/);
    expect(hit).toMatchObject({ province: 'Cusco', department: 'Cusco', geometrySource: 'inei_2007' });
  });

  it('prefers the IGN boundary in Lima and Callao where the coarser INEI map says otherwise', async () => {
    // INEI 2007 puts these points in Lima (150101) and Callao (070101); IGN in Breña and Bellavista.
    expect((await locateDistrict({ db, lon: -77.0505, lat: -12.0597 }))?.name).toBe('Breña');
    expect((await locateDistrict({ db, lon: -77.13, lat: -12.065 }))?.ubigeo).toBe('070102');
  });

  it('locates the districts the INEI map lacks or predates: Santa Anita, La Punta and Mi Perú', async () => {
    expect((await locateDistrict({ db, lon: -76.9624, lat: -12.0426 }))?.name).toBe('Santa Anita');
    expect((await locateDistrict({ db, lon: -77.1633, lat: -12.0711 }))?.ubigeo).toBe('070105');
    expect(await locateDistrict({ db, lon: -77.1204, lat: -11.8535 })).toMatchObject({ ubigeo: '070107', name: 'Mi Perú' });
  });

  it('returns null at sea far off the coast and outside Peru', async () => {
    expect(await locateDistrict({ db, lon: -80, lat: -14 })).toBeNull();
    expect(await locateDistrict({ db, lon: -74.08, lat: 4.6 })).toBeNull();
    expect(await locateDistrict({ db, lon: Number.NaN, lat: -12 })).toBeNull();
  });
});
