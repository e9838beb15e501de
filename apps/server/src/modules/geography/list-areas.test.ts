import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { listDepartments } from './list-departments.ts';
import { listDistricts } from './list-districts.ts';
import { listProvinces } from './list-provinces.ts';

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('listing areas on %s', (_name, backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.db();
  });

  it('lists the 25 departments in UBIGEO order', async () => {
    const deps = await listDepartments({ db });
    expect(deps).toHaveLength(25);
    expect(deps[0]).toEqual({ ubigeo: '01', name: 'Amazonas' });
    expect(deps.find((d) => d.ubigeo === '17')?.name).toBe('Madre de Dios');
  });

  it('lists the provinces of a department, today’s included', async () => {
    const lima = await listProvinces({ db, department: '15' });
    expect(lima.map((p) => p.ubigeo)).toEqual(['1501', '1502', '1503', '1504', '1505', '1506', '1507', '1508', '1509', '1510']);
    expect(lima[4]).toEqual({ ubigeo: '1505', name: 'Cañete', departmentUbigeo: '15', department: 'Lima' });
    expect((await listProvinces({ db, department: '16' })).map((p) => p.name)).toContain('Putumayo');
    expect(await listProvinces({ db, department: '99' })).toEqual([]);
  });

  it('lists the districts of a province or department', async () => {
    expect(await listDistricts({ db, province: '1501' })).toHaveLength(43);
    const callao = await listDistricts({ db, province: '0701' });
    expect(callao.map((d) => d.name)).toEqual([
      'Callao',
      'Bellavista',
      'Carmen de la Legua Reynoso',
      'La Perla',
      'La Punta',
      'Ventanilla',
      'Mi Perú',
    ]);
    const created = (await listDistricts({ db, department: '08' })).filter((d) => d.nameInei === null);
    expect(created.map((d) => d.ubigeo)).toEqual(['080911', '080912', '080913', '080914', '080915', '080916', '080917', '080918']);
    expect(created.every((d) => d.geometrySource === null)).toBe(true);
  });

  it('finds districts by name ignoring case and accents, by today’s name or the INEI 2007 one', async () => {
    expect((await listDistricts({ db, q: 'BRENA' })).map((d) => d.ubigeo)).toEqual(['150105']);
    expect((await listDistricts({ db, q: 'breña' })).map((d) => d.ubigeo)).toEqual(['150105']);
    expect((await listDistricts({ db, department: '07', q: 'mi peru' })).map((d) => d.ubigeo)).toEqual(['070107']);
    expect((await listDistricts({ db, q: 'Pérú' })).map((d) => d.name)).toContain('Mi Perú');
    expect((await listDistricts({ db, q: 'magdalena vieja' })).map((d) => d.name)).toEqual(['Pueblo Libre']);
    const miraflores = await listDistricts({ db, q: 'miraflores', province: '1501' });
    expect(miraflores.map((d) => d.name)).toEqual(['Miraflores', 'San Juan de Miraflores']);
    expect(miraflores[0]).toEqual({
      ubigeo: '150122',
      name: 'Miraflores',
      nameInei: 'MIRAFLORES',
      provinceUbigeo: '1501',
      province: 'Lima',
      departmentUbigeo: '15',
      department: 'Lima',
      geometrySource: 'inei_2007',
    });
    expect(await listDistricts({ db, q: 'miraflores', limit: 2 })).toHaveLength(2);
  });
});
