import { addDays } from '@enlace/rules';
import type { TTaskingInput } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import { limaToday } from '../forces/forces-access.ts';
import { decideTasking, evaluateTasking } from '../legal/evaluate-tasking.ts';
import type { TInstrumentCreate } from '../legal/legal.schemas.ts';
import { registerInstrument } from '../legal/register-instrument.ts';
import { demoActor } from './demo-actor.ts';

/** The demo's state-of-emergency decree; its presence means the legal demo is seeded. */
export const DEMO_DECREE_ID = 'DEMO-DS-001-2026-PCM';
const DEMO_EXTENSION_ID = 'DEMO-DS-002-2026-PCM';

/** The demo units the legal side evaluates (keys of DEMO_UNITS). */
export const LEGAL_DEMO_UNIT_KEYS = ['ep-bcmdo19', 'ep-cia-apoyo'] as const;

/** Lima Norte: Comas, Independencia, Los Olivos, San Martín de Porres. */
const LIMA_NORTE = ['150110', '150112', '150117', '150135'];


/**
 * The legal side of the demo, dated relative to the seeding day so that it is in force when a new user looks:
 * - a state of emergency over Lima Metropolitana and Callao (S3, control by the PNP with FF.AA. support) declared 75
 *   days ago for 30 days, and its 60-day extension ending in 14 days, so the expiry alert shows;
 * - the RUF approval, the CCFFAA directive and the coordination-command plan for it;
 * - two tasking evaluations by the Army's planner: BCMDO 19 on joint patrols in Lima Norte for the next two weeks
 *   (its records make it lawful, so its task area appears on the map and on TAK phones), and the support company
 *   on crowd-control support, denied for the training and equipment its records lack.
 * Every instrument is labelled as a demonstration in its number and title. Each step goes through the audited
 * use-cases, as a person would do it. Callers seed it once: with the rest of a new demo, or into an earlier demo
 * that lacks it (seed-demo.ts checks for the decree first).
 */
export async function seedLegalDemo(db: Db, units: ReadonlyMap<string, string>, afterAudit?: () => void): Promise<void> {
  const today = limaToday();
  const declared = addDays(today, -75);
  const extensionFrom = addDays(declared, 30);
  const extensionTo = addDays(extensionFrom, 59);
  const oversight = {
    congressNotifiedOn: addDays(declared, 1),
    defensoriaContact: 'Defensoría del Pueblo, Oficina Defensorial de Lima (enlace de guardia)',
    ministerioPublicoContact: 'Fiscalía Superior Coordinadora de Lima (enlace de guardia)',
    reportingSchedule: 'Informe diario al Comando de Coordinación; informe final al Ministerio del Interior en 5 días hábiles',
  };
  const drafts: [string, TInstrumentCreate][] = [
    ['mininter.asesor', {
      id: DEMO_DECREE_ID,
      kind: 'DS_ESTADO_EMERGENCIA',
      number: 'DEMO 001-2026-PCM',
      title: '[DEMOSTRACIÓN] Declara el estado de emergencia en Lima Metropolitana y la Provincia Constitucional del Callao',
      scenario: 'APOYO_PNP_CON_EE',
      area: { ubigeo: ['1501', '0701'] },
      validFrom: declared,
      validTo: addDays(declared, 29),
      restrictedRights: ['LIBERTAD_TRANSITO', 'INVIOLABILIDAD_DOMICILIO', 'LIBERTAD_REUNION', 'LIBERTAD_SEGURIDAD_PERSONAL'],
      controlAuthority: 'PNP',
      pnpCoordinatingAuthority: 'Comando de Coordinación presidido por el Comandante General de la PNP',
      extends: null,
      oversight,
      classification: 'PUBLICO',
      exercise: false,
    }],
    ['mininter.asesor', {
      id: DEMO_EXTENSION_ID,
      kind: 'DS_PRORROGA',
      number: 'DEMO 002-2026-PCM',
      title: `[DEMOSTRACIÓN] Prórroga por 60 días del estado de emergencia declarado por ${DEMO_DECREE_ID}`,
      extends: DEMO_DECREE_ID,
      validFrom: extensionFrom,
      validTo: extensionTo,
      oversight: { congressNotifiedOn: extensionFrom },
      classification: 'PUBLICO',
      exercise: false,
    }],
    ['mindef.asesor', {
      id: 'DEMO-RUF-001-2026-DE',
      kind: 'RUF',
      number: 'DEMO RS 001-2026-DE',
      title: '[DEMOSTRACIÓN] Reglas de uso de la fuerza para el apoyo de las FF.AA. a la PNP en Lima y Callao (DL 1095)',
      appliesTo: [DEMO_DECREE_ID],
      validFrom: declared,
      validTo: extensionTo,
      classification: 'PUBLICO',
      exercise: false,
    }],
    ['ccffaa.asesor', {
      id: 'DEMO-DIR-CCFFAA-001-2026',
      kind: 'DIRECTIVA_CCFFAA',
      number: 'DEMO Directiva 001-2026-CCFFAA',
      title: '[DEMOSTRACIÓN] Directiva del CCFFAA para el apoyo a la PNP durante el estado de emergencia en Lima y Callao',
      appliesTo: [DEMO_DECREE_ID],
      validFrom: declared,
      validTo: extensionTo,
      classification: 'PUBLICO',
      exercise: false,
    }],
    ['mininter.asesor', {
      id: 'DEMO-PLAN-CCO-001-2026',
      kind: 'PLAN_CCO',
      number: 'DEMO Plan 001-2026-CCO',
      title: '[DEMOSTRACIÓN] Plan del Comando de Coordinación: zonas de intervención designadas por la PNP en Lima y Callao',
      appliesTo: [DEMO_DECREE_ID],
      validFrom: declared,
      validTo: extensionTo,
      classification: 'PUBLICO',
      exercise: false,
    }],
  ];
  for (const [username, draft] of drafts) {
    const actor = await demoActor(db, username);
    await runAudited({ db, actor: auditActorOf(actor), afterAudit }, (tx, audit) => registerInstrument({ tx, audit, actor, draft }));
  }

  const planner = await demoActor(db, 'ep.planificador');
  const requests: TTaskingInput[] = [
    {
      unit: { id: unitId(units, 'ep-bcmdo19'), force: 'EJERCITO', name: 'Batallón de Comandos N.° 19' },
      task: 'PATRULLAJE_CONJUNTO',
      area: { ubigeo: LIMA_NORTE },
      start: today,
      end: addDays(today, 13),
      pnpCoordinator: 'Jefe de la Región Policial Lima (Comando de Coordinación)',
    },
    {
      unit: { id: unitId(units, 'ep-cia-apoyo'), force: 'EJERCITO', name: 'Compañía de Apoyo a la PNP Lima Norte' },
      task: 'CONTROL_MULTITUDES_APOYO',
      area: { ubigeo: ['150110'] },
      start: addDays(today, 2),
      end: addDays(today, 4),
      pnpCoordinator: 'Jefe de la Región Policial Lima (Comando de Coordinación)',
    },
  ];
  // The patrol goes as a detachment of the battalion's members whose records qualify, as a planner would form it;
  // the crowd-control request names the whole company and is refused for what its records lack.
  requests[0] = await qualifiedDetachment(db, planner, requests[0]!);
  for (const input of requests) {
    await evaluateTasking({ db, audited: { db, actor: auditActorOf(planner), afterAudit }, actor: planner, input, now: new Date() });
  }
}

/**
 * The request with its unit's members from the records, less every member a blocking finding names (a training
 * missing or lapsing, equipment short), repeated until no blocking finding names a member. The evaluator decides;
 * nothing here restates its rules.
 */
async function qualifiedDetachment(db: Db, actor: Actor, input: TTaskingInput): Promise<TTaskingInput> {
  const { evaluated } = await decideTasking({ db, actor, input, now: new Date() });
  let members = evaluated.unit.members ?? [];
  for (let round = 0; round < 5; round++) {
    const request: TTaskingInput = { ...input, unit: { ...evaluated.unit, members } };
    const { result } = await decideTasking({ db, actor, input: request, now: new Date() });
    const ids = new Set(members.map((m) => m.id));
    const named = new Set(
      result.findings
        .filter((f) => f.severity === 'blocking')
        .flatMap((f) => Object.values(f.details ?? {}).flatMap((v) => (Array.isArray(v) ? v : [])))
        .filter((id) => ids.has(id)),
    );
    if (named.size === 0) return { ...request, unit: { ...request.unit, name: `${input.unit.name ?? ''} (destacamento de ${members.length})` } };
    members = members.filter((m) => !named.has(m.id));
  }
  return { ...input, unit: { ...evaluated.unit, members } };
}

function unitId(units: ReadonlyMap<string, string>, key: string): string {
  const id = units.get(key);
  if (!id) throw new Error(`demo unit ${key} missing`);
  return id;
}
