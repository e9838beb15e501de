import { DEFAULT_CLEARANCE } from '@enlace/access';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import { createUser } from '../identity/create-user.ts';
import { findUserByUsername } from '../identity/find-user.ts';
import { createUnit } from '../units/save-unit.ts';
import { SAMPLE_PROTOCOLS } from '@enlace/rules';
import { seedSampleProtocols } from '../protocols/seed-sample-protocols.ts';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data.ts';
import { seedForcesDemo } from './demo-forces.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO_DECREE_ID, LEGAL_DEMO_UNIT_KEYS, seedLegalDemo } from './demo-legal.ts';
import { instrumentExists, oldestUnitIdsByName } from './demo.repository.ts';
import { seedSyntheticIncidents } from '../incidents/synthetic-incidents.ts';

const SEED_ACTOR = { id: null, name: 'demo-seed', agency: null } as const;

export interface SeedResult {
  seeded: boolean;
  users: number;
  units: number;
  /**
   * Only for a demo seeded before: true when its legal side (added to the demo later) was missing and is now seeded,
   * or why it could not be.
   */
  legalAdded?: true | { skipped: string };
}

/**
 * Seeds the Lima/Callao demo once: one user per role, units of each force. Does nothing when the demo is
 * already there, and never creates or changes `admin`. Every row goes through the audited use-cases.
 */
export async function seedDemo(db: Db, afterAudit?: () => void, onProgress?: (step: string) => void): Promise<SeedResult> {
  if (await findUserByUsername(db, DEMO_USERS[0]!.username)) {
    const legal = await addMissingLegalDemo(db, afterAudit, onProgress);
    return { seeded: false, users: 0, units: 0, ...(legal === null ? {} : { legalAdded: legal }) };
  }
  onProgress?.(`users (${DEMO_USERS.length})`);
  await runAudited({ db, actor: SEED_ACTOR, afterAudit }, async (tx, audit) => {
    for (const u of DEMO_USERS) {
      await createUser(tx, audit, { ...u, password: DEMO_PASSWORD, language: 'es', clearance: DEFAULT_CLEARANCE[u.role] });
    }
  });
  onProgress?.(`units (${DEMO_UNITS.length})`);
  const ids = new Map<string, string>();
  for (const unit of DEMO_UNITS) {
    const actor = await demoActor(db, unit.by);
    const { key, parent, by: _by, ...draft } = unit;
    const { value } = await runAudited({ db, actor: auditActorOf(actor), afterAudit }, (tx, audit) =>
      createUnit(tx, audit, actor, {
        ...draft,
        parentId: parent ? (ids.get(parent) ?? null) : null,
        exercise: unit.exercise ?? false,
      }),
    );
    ids.set(key, value.id);
  }
  onProgress?.('forces: personnel, equipment, training, readiness');
  await seedForcesDemo(db, ids, new Map(DEMO_UNITS.map((u) => [u.key, u.force])), afterAudit);
  onProgress?.(`protocols (${SAMPLE_PROTOCOLS.length})`);
  await seedSampleProtocols(db, {
    drafter: await demoActor(db, 'ccffaa.asesor'),
    pnpApprover: await demoActor(db, 'pnp.comandante'),
    ffaaApprover: await demoActor(db, 'ccffaa.comandante'),
  }, afterAudit);
  onProgress?.('incidents (synthetic, source SINTETICO)');
  await seedSyntheticIncidents(db, afterAudit);
  onProgress?.('legal basis: state of emergency in Lima and Callao, RUF, directive, CCO plan, two tasking evaluations');
  await seedLegalDemo(db, ids, afterAudit);
  return { seeded: true, users: DEMO_USERS.length, units: DEMO_UNITS.length };
}

/**
 * A data directory seeded by a version without the demo's legal side gets it now, on the units it already has (found
 * by the demo's names). Null when the legal side is there already; the reason when a unit or user it needs is missing.
 */
async function addMissingLegalDemo(db: Db, afterAudit?: () => void, onProgress?: (step: string) => void): Promise<true | { skipped: string } | null> {
  if (await instrumentExists(db, DEMO_DECREE_ID)) return null;
  const byName = await oldestUnitIdsByName(db, DEMO_UNITS.map((u) => u.name));
  const ids = new Map(DEMO_UNITS.flatMap((u) => {
    const id = byName.get(u.name);
    return id ? [[u.key, id] as const] : [];
  }));
  const missing = LEGAL_DEMO_UNIT_KEYS.filter((k) => !ids.has(k));
  if (missing.length > 0) return { skipped: `demo units missing: ${missing.join(', ')}` };
  onProgress?.('legal basis, missing from this earlier demo: state of emergency, RUF, directive, CCO plan, two evaluations');
  try {
    await seedLegalDemo(db, ids, afterAudit);
    return true;
  } catch (err) {
    // A demo user it needs may be missing from an older demo: the rest of the demo still starts.
    return { skipped: err instanceof Error ? err.message : String(err) };
  }
}
