import type { TAgencyCode, TClassification, TRole } from '@enlace/contracts';

/**
 * Forces, training and readiness (issue 4). Personal data of personnel (document number, birth date, phone, e-mail;
 * Ley 29733) only for roles with a need: commanders, administrators and the oversight bodies. Trainers record
 * training and keep rosters of their own agency; `readiness:write` is the commander's override; `readiness:admin`
 * changes the readiness standard (administrators only); a secondment is
 * approved by a commander of the lending agency (`secondment:approve` with `personnel:write` on the member).
 */
const FORCES_GRANTS: Readonly<Record<TRole, readonly Permission[]>> = {
  admin: ['personnel:read', 'personnel:write', 'personnel:read-personal', 'equipment:read', 'equipment:write', 'training:read',
    'training:write', 'readiness:read', 'readiness:compute', 'readiness:write', 'readiness:admin', 'secondment:approve'],
  commander: ['personnel:read', 'personnel:write', 'personnel:read-personal', 'equipment:read', 'equipment:write', 'training:read',
    'training:write', 'readiness:read', 'readiness:compute', 'readiness:write', 'secondment:approve'],
  planner: ['personnel:read', 'personnel:write', 'equipment:read', 'equipment:write', 'training:read', 'readiness:read', 'readiness:compute'],
  operator: ['personnel:read', 'personnel:write', 'equipment:read', 'equipment:write', 'training:read', 'readiness:read', 'readiness:compute'],
  field: ['personnel:read', 'equipment:read', 'training:read', 'readiness:read'],
  trainer: ['personnel:read', 'personnel:write', 'equipment:read', 'training:read', 'training:write', 'readiness:read', 'readiness:compute'],
  legal_officer: ['personnel:read', 'equipment:read', 'training:read', 'readiness:read'],
  analyst: ['personnel:read', 'equipment:read', 'training:read', 'readiness:read', 'readiness:compute'],
  oversight: ['personnel:read', 'personnel:read-personal', 'equipment:read', 'training:read', 'readiness:read'],
};

/**
 * What each role may do, by action. Data, not code: the authorization function reads this table.
 * `oversight` holds only read actions: Defensoría del Pueblo and Ministerio Público supervise, they never write.
 */
export const ROLE_PERMISSIONS: Readonly<Record<TRole, readonly Permission[]>> = {
  admin: [...FORCES_GRANTS.admin,
    'incident:read', 'incident:write', 'incident:person:read', 'incident:person:write', 'sharing:read', 'sharing:write', 'sharing:oversee',
    'incident:mapping:write',
    'unit:read', 'unit:write', 'user:admin', 'agency:admin', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate',
    'legal:read', 'legal:write', 'legal:admin',
    'track:read', 'track:write', 'alert:read', 'alert:write', 'geofence:read', 'geofence:write', 'chat:read', 'chat:write',
  ],
  commander: [...FORCES_GRANTS.commander, 'incident:read', 'incident:write', 'incident:person:read', 'incident:person:write', 'sharing:read', 'sharing:write', 'unit:read', 'unit:write', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write',
    'track:read', 'track:write', 'alert:read', 'alert:write', 'geofence:read', 'geofence:write', 'chat:read', 'chat:write', 'protocol:approve',
    'incident:mapping:write'],
  planner: [...FORCES_GRANTS.planner, 'incident:read', 'sharing:read', 'unit:read', 'unit:write', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write',
    'track:read', 'alert:read', 'geofence:read', 'geofence:write', 'chat:read', 'chat:write'],
  operator: [...FORCES_GRANTS.operator, 'incident:read', 'incident:write', 'incident:person:write', 'sharing:read', 'unit:read', 'unit:write', 'geo:read', 'legal:evaluate', 'legal:read',
    'track:read', 'track:write', 'alert:read', 'alert:write', 'geofence:read', 'geofence:write', 'chat:read', 'chat:write'],
  field: [...FORCES_GRANTS.field, 'unit:read', 'geo:read', 'legal:read', 'track:read', 'track:write', 'alert:read', 'geofence:read', 'chat:read', 'chat:write'],
  trainer: [...FORCES_GRANTS.trainer, 'unit:read', 'geo:read', 'legal:evaluate', 'legal:read', 'track:read', 'chat:read', 'chat:write'],
  legal_officer: [...FORCES_GRANTS.legal_officer, 'incident:read', 'sharing:read', 'sharing:write', 'sharing:oversee', 'unit:read', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read', 'legal:write',
    'track:read', 'alert:read', 'geofence:read', 'chat:read'],
  analyst: [...FORCES_GRANTS.analyst, 'incident:read', 'incident:write', 'sharing:read', 'unit:read', 'geo:read', 'legal:read', 'track:read', 'alert:read', 'geofence:read',
    'incident:mapping:write'],
  oversight: [...FORCES_GRANTS.oversight, 'incident:read', 'incident:person:read', 'sharing:read', 'sharing:oversee', 'unit:read', 'audit:read', 'audit:verify', 'geo:read', 'legal:evaluate', 'legal:read',
    'track:read', 'alert:read', 'geofence:read', 'chat:read'],
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
  /** Approve a joint protocol version for the approver's force (one PNP and one FF.AA. approval put it in force). */
  'protocol:approve',
  'track:read',
  'track:write',
  'alert:read',
  'alert:write',
  'geofence:read',
  'geofence:write',
  'chat:read',
  'chat:write',
  // Incidents, victims and suspects (personal data, stricter), sharing agreements (issue 6).
  'incident:read',
  'incident:write',
  'incident:person:read',
  'incident:person:write',
  /**
   * Maintain the table that maps each source system's local crime codes to Enlace's crime types (national reference
   * data, not an agency's records): administrators, commanders and analysts, who bring in new source systems and answer
   * for the crime statistics built on the mapping; not operators or planners (they enter records, they do not define
   * how records are classified), nor oversight (read only).
   */
  'incident:mapping:write',
  'sharing:read',
  'sharing:write',
  'sharing:oversee',
  // Forces, training and readiness (issue 4).
  'personnel:read',
  'personnel:write',
  'personnel:read-personal',
  'equipment:read',
  'equipment:write',
  'training:read',
  'training:write',
  'readiness:read',
  'readiness:compute',
  'readiness:write',
  /** Put a new version of the readiness standard in force (thresholds, requirements, references). */
  'readiness:admin',
  'secondment:approve',
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

/**
 * The command posts of a joint operation: they receive every force's alerts and see where every unit is lawfully
 * tasked, up to each reader's clearance and with each reader's own permission.
 * - PNP: it keeps control of internal order when the armed forces support it, and a military task sits in a
 *   PNP-designated zone under a named PNP coordinating authority (DL 1095 and its regulation DS 003-2020-DE,
 *   scenarios S3 and S4); in S1 and S2 PNP units are integrated in the Comando Operacional. The Lima/Callao emergency
 *   (DS 124-2025-PCM) puts both forces in one coordination command chaired by the PNP Commander-General.
 * - CCFFAA: it designates the Comando Operacional and drafts the directive every military task follows.
 */
export const JOINT_COMMAND_POSTS: readonly TAgencyCode[] = ['PNP', 'CCFFAA'];

/** Agencies whose `oversight` users may read every agency's records up to their clearance. */
export const OVERSIGHT_AGENCIES: readonly TAgencyCode[] = ['DP', 'MP'];
