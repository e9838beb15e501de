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
import { seedLegalDemo } from './demo-legal.ts';
import { seedSyntheticIncidents } from '../incidents/synthetic-incidents.ts';

const SEED_ACTOR = { id: null, name: 'demo-seed', agency: null } as const;

export interface SeedResult {
  seeded: boolean;
  users: number;
  units: number;
}

/**
 * Seeds the Lima/Callao demo once: one user per role, units of each force. Does nothing when the demo is
 * already there, and never creates or changes `admin`. Every row goes through the audited use-cases.
 */
export async function seedDemo(db: Db, afterAudit?: () => void, onProgress?: (step: string) => void): Promise<SeedResult> {
  if (await findUserByUsername(db, DEMO_USERS[0]!.username)) return { seeded: false, users: 0, units: 0 };
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
