import type { TAgencyCode, TClassification, TRole } from '@enlace/contracts';

/**
 * What each role may do, by action. Data, not code: the authorization function reads this table.
 * `oversight` holds only read actions: Defensoría del Pueblo and Ministerio Público supervise, they never write.
 */
export const ROLE_PERMISSIONS: Readonly<Record<TRole, readonly Permission[]>> = {
  admin: [
    'unit:read', 'unit:write', 'user:admin', 'agency:admin', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate',
    'legal:read', 'legal:write', 'legal:admin',
  ],
  commander: ['unit:read', 'unit:write', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write'],
  planner: ['unit:read', 'unit:write', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write'],
  operator: ['unit:read', 'unit:write', 'geo:read', 'legal:evaluate', 'legal:read'],
  field: ['unit:read', 'geo:read', 'legal:read'],
  trainer: ['unit:read', 'geo:read', 'legal:evaluate', 'legal:read'],
  legal_officer: ['unit:read', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write'],
  analyst: ['unit:read', 'geo:read', 'legal:read'],
  oversight: ['unit:read', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read'],
};

export const PERMISSIONS = [
  'unit:read',
  'unit:write',
  'user:admin',
  'agency:admin',
  'audit:read',
  'audit:verify',
  'geo:read',
  'legal:evaluate',
  'legal:read',
  'legal:write',
  'legal:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Clearance given to a new user of each role unless an administrator sets another. */
export const DEFAULT_CLEARANCE: Readonly<Record<TRole, TClassification>> = {
  admin: 'SECRETO',
  commander: 'SECRETO',
  planner: 'RESERVADO',
  operator: 'RESERVADO',
  field: 'CONFIDENCIAL',
  trainer: 'CONFIDENCIAL',
  legal_officer: 'RESERVADO',
  analyst: 'RESERVADO',
  oversight: 'RESERVADO',
};

/**
 * Whose records a member of an agency may read beyond its own, and up to which classification.
 * - MINDEF supervises the armed forces and CCFFAA; MININTER supervises the PNP.
 * - CCFFAA commands the three services jointly, and the services see the joint command's records.
 * - Cross-force access (PNP <-> FF.AA.) is limited to PUBLICO here; wider sharing only through a
 *   sharing agreement tied to a legal instrument (see the sharing module).
 * Oversight agencies (DP, MP) read all agencies when the user holds the oversight role (Ley 26520, art. 16;
 * Ley Orgánica del Ministerio Público, DL 052, art. 1).
 */
export const AGENCY_READ_SCOPE: Readonly<Record<TAgencyCode, Partial<Record<TAgencyCode, TClassification>>>> = {
  PNP: {},
  EP: { CCFFAA: 'RESERVADO' },
  MGP: { CCFFAA: 'RESERVADO' },
  FAP: { CCFFAA: 'RESERVADO' },
  CCFFAA: { EP: 'SECRETO', MGP: 'SECRETO', FAP: 'SECRETO' },
  MININTER: { PNP: 'SECRETO' },
  MINDEF: { EP: 'SECRETO', MGP: 'SECRETO', FAP: 'SECRETO', CCFFAA: 'SECRETO' },
  DP: {},
  MP: {},
};

/** Agencies whose `oversight` users may read every agency's records up to their clearance. */
export const OVERSIGHT_AGENCIES: readonly TAgencyCode[] = ['DP', 'MP'];
