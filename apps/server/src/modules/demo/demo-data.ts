import type { TAgencyCode, TClassification, TForce, TRole, TUnitCreate } from '@enlace/contracts';

/** The documented password of every demo user (README). Never used for `admin`. */
export const DEMO_PASSWORD = 'enlace-demo-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  agency: TAgencyCode;
  role: TRole;
}

/** One user per role, spread over the agencies that would hold it. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.admin', displayName: 'Administración de la plataforma (demo)', agency: 'MININTER', role: 'admin' },
  { username: 'pnp.comandante', displayName: 'Crnl. PNP Rosa Quispe Huamán', agency: 'PNP', role: 'commander' },
  { username: 'pnp.planificador', displayName: 'Cmdte. PNP Luis Vargas Soto', agency: 'PNP', role: 'planner' },
  { username: 'pnp.operador', displayName: 'SO1 PNP Carla Mendoza Ríos', agency: 'PNP', role: 'operator' },
  { username: 'pnp.patrulla', displayName: 'S2 PNP Jorge Ccori Mamani', agency: 'PNP', role: 'field' },
  { username: 'pnp.analista', displayName: 'Cap. PNP Ana Torres Salas', agency: 'PNP', role: 'analyst' },
  { username: 'ep.comandante', displayName: 'Crnl. EP Miguel Paredes Luna', agency: 'EP', role: 'commander' },
  { username: 'ep.planificador', displayName: 'Tte. Crnl. EP Diana Flores Aguirre', agency: 'EP', role: 'planner' },
  { username: 'ep.instructor', displayName: 'My. EP Ricardo Chávez Poma', agency: 'EP', role: 'trainer' },
  { username: 'ep.patrulla', displayName: 'Sgto. 1° EP Pedro Huarcaya Rojas', agency: 'EP', role: 'field' },
  { username: 'mgp.operador', displayName: 'Tte. 1° AP Sofía Reátegui Vela', agency: 'MGP', role: 'operator' },
  { username: 'fap.operador', displayName: 'Cmdte. FAP Óscar Delgado Ramos', agency: 'FAP', role: 'operator' },
  { username: 'ccffaa.comandante', displayName: 'Gral. Brig. EP Víctor Salazar Ortiz', agency: 'CCFFAA', role: 'commander' },
  { username: 'ccffaa.asesor', displayName: 'Crnl. SJE Lucía Benavides Cruz', agency: 'CCFFAA', role: 'legal_officer' },
  { username: 'mininter.asesor', displayName: 'Abg. Hugo Castillo Neyra', agency: 'MININTER', role: 'legal_officer' },
  { username: 'mindef.asesor', displayName: 'Abg. Patricia Zúñiga León', agency: 'MINDEF', role: 'legal_officer' },
  { username: 'dp.supervisor', displayName: 'Comisionada Elena Huamaní Díaz', agency: 'DP', role: 'oversight' },
  { username: 'mp.fiscal', displayName: 'Fiscal Adjunto Raúl Cornejo Pinto', agency: 'MP', role: 'oversight' },
];

export interface DemoUnit extends Omit<TUnitCreate, 'parentId' | 'classification' | 'exercise'> {
  key: string;
  parent?: string;
  force: TForce;
  agency: TAgencyCode;
  classification: TClassification;
  exercise?: boolean;
  /** Demo user of the owning agency who records it. */
  by: string;
}

/** Units of both forces in Lima and Callao, parents before children. Locations are approximate. */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { key: 'rp-lima', name: 'Región Policial Lima', shortName: 'REGPOL Lima', force: 'PNP', echelon: 'region', homeUbigeo: '150101', home: { lon: -77.0428, lat: -12.0546 }, agency: 'PNP', classification: 'PUBLICO', by: 'pnp.comandante' },
  { key: 'divpol-c1', parent: 'rp-lima', name: 'División Policial Centro 1', shortName: 'DIVPOL C1', force: 'PNP', echelon: 'division', homeUbigeo: '150101', home: { lon: -77.0365, lat: -12.0464 }, agency: 'PNP', classification: 'CONFIDENCIAL', by: 'pnp.comandante' },
  { key: 'cpnp-ugarte', parent: 'divpol-c1', name: 'Comisaría Alfonso Ugarte', shortName: 'CPNP Alfonso Ugarte', force: 'PNP', echelon: 'comisaria', homeUbigeo: '150101', home: { lon: -77.0455, lat: -12.0561 }, agency: 'PNP', classification: 'PUBLICO', by: 'pnp.comandante' },
  { key: 'cpnp-miraflores', parent: 'rp-lima', name: 'Comisaría Miraflores', shortName: 'CPNP Miraflores', force: 'PNP', echelon: 'comisaria', homeUbigeo: '150122', home: { lon: -77.0297, lat: -12.1211 }, agency: 'PNP', classification: 'PUBLICO', by: 'pnp.comandante' },
  { key: 'cpnp-sjl', parent: 'rp-lima', name: 'Comisaría Zárate (San Juan de Lurigancho)', shortName: 'CPNP Zárate', force: 'PNP', echelon: 'comisaria', homeUbigeo: '150132', home: { lon: -77.0036, lat: -12.0239 }, agency: 'PNP', classification: 'PUBLICO', by: 'pnp.comandante' },
  { key: 'use', parent: 'rp-lima', name: 'Unidad de Servicios Especiales', shortName: 'USE', force: 'PNP', echelon: 'unidad_especializada', homeUbigeo: '150128', home: { lon: -77.0322, lat: -12.0331 }, agency: 'PNP', classification: 'RESERVADO', by: 'pnp.comandante' },
  { key: 'rp-callao', name: 'Región Policial Callao', shortName: 'REGPOL Callao', force: 'PNP', echelon: 'region', homeUbigeo: '070101', home: { lon: -77.1319, lat: -12.0566 }, agency: 'PNP', classification: 'PUBLICO', by: 'pnp.comandante' },
  { key: 'ccffaa', name: 'Comando Conjunto de las Fuerzas Armadas', shortName: 'CCFFAA', force: 'CCFFAA', echelon: 'comando', homeUbigeo: '150130', home: { lon: -76.9985, lat: -12.0937 }, agency: 'CCFFAA', classification: 'PUBLICO', by: 'ccffaa.comandante' },
  { key: 'co-centro', parent: 'ccffaa', name: 'Comando Operacional del Centro', shortName: 'CO Centro', force: 'CCFFAA', echelon: 'comando_operacional', homeUbigeo: '150130', home: { lon: -76.9978, lat: -12.0951 }, agency: 'CCFFAA', classification: 'CONFIDENCIAL', by: 'ccffaa.comandante' },
  { key: 'ep-2div', name: 'Segunda División de Ejército', shortName: '2.ª DE', force: 'EP', echelon: 'division', homeUbigeo: '150130', home: { lon: -77.0012, lat: -12.0969 }, agency: 'EP', classification: 'CONFIDENCIAL', by: 'ep.comandante' },
  { key: 'ep-1bfe', parent: 'ep-2div', name: 'Primera Brigada de Fuerzas Especiales', shortName: '1.ª BFFEE', force: 'EP', echelon: 'brigada', homeUbigeo: '150108', home: { lon: -77.0188, lat: -12.1706 }, agency: 'EP', classification: 'RESERVADO', by: 'ep.comandante' },
  { key: 'ep-bcmdo19', parent: 'ep-1bfe', name: 'Batallón de Comandos N.° 19', shortName: 'BCMDO 19', force: 'EP', echelon: 'batallon', homeUbigeo: '150108', home: { lon: -77.0201, lat: -12.1722 }, agency: 'EP', classification: 'RESERVADO', by: 'ep.comandante' },
  { key: 'ep-cia-apoyo', parent: 'ep-bcmdo19', name: 'Compañía de Apoyo a la PNP Lima Norte', shortName: 'Cía. Apoyo Lima Norte', force: 'EP', echelon: 'compania', homeUbigeo: '150110', home: { lon: -77.0606, lat: -11.9426 }, agency: 'EP', classification: 'CONFIDENCIAL', by: 'ep.comandante' },
  { key: 'ep-cia-ejercicio', parent: 'ep-bcmdo19', name: 'Compañía de Ejercicio Conjunto PNP-EP', shortName: 'Cía. Ejercicio', force: 'EP', echelon: 'compania', homeUbigeo: '150108', home: { lon: -77.0150, lat: -12.1650 }, agency: 'EP', classification: 'PUBLICO', exercise: true, by: 'ep.comandante' },
  { key: 'mgp-com', name: 'Comando Operacional Marítimo', shortName: 'COMAR', force: 'MGP', echelon: 'comando', homeUbigeo: '070101', home: { lon: -77.1470, lat: -12.0541 }, agency: 'MGP', classification: 'CONFIDENCIAL', by: 'mgp.operador' },
  { key: 'mgp-bim1', parent: 'mgp-com', name: 'Batallón de Infantería de Marina N.° 1', shortName: 'BIM 1', force: 'MGP', echelon: 'batallon', homeUbigeo: '070106', home: { lon: -77.1320, lat: -11.8720 }, agency: 'MGP', classification: 'RESERVADO', by: 'mgp.operador' },
  { key: 'fap-coa', name: 'Comando Operacional Aéreo', shortName: 'COA', force: 'FAP', echelon: 'comando', homeUbigeo: '150140', home: { lon: -77.0048, lat: -12.1506 }, agency: 'FAP', classification: 'CONFIDENCIAL', by: 'fap.operador' },
  { key: 'fap-g8', parent: 'fap-coa', name: 'Grupo Aéreo N.° 8', shortName: 'GA 8', force: 'FAP', echelon: 'grupo', homeUbigeo: '070101', home: { lon: -77.1129, lat: -12.0219 }, agency: 'FAP', classification: 'RESERVADO', by: 'fap.operador' },
];
