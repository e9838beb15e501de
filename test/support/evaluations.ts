import type { TAgencyCode, TClassification } from '@enlace/contracts';
import type { Queryable } from '../../apps/server/src/platform/db/db.ts';
import { uniq } from './factories.ts';

/** A day in America/Lima, `offsetDays` from today (the way tasking periods are written). */
export const limaDay = (offsetDays: number): string =>
  new Date(Date.now() - 5 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A closed square of side `d` degrees with its south-west corner at (x, y). */
export const square = (x: number, y: number, d = 0.01): { type: 'Polygon'; coordinates: number[][][] } => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

export interface StoredEvaluation {
  agency: TAgencyCode;
  classification: TClassification;
  decision: 'allowed' | 'conditional' | 'denied';
  unitId: string;
  unitName?: string;
  task?: string;
  /** Days from today (Lima), or a date/date-time string. */
  start: number | string;
  end: number | string;
  geometry?: { type: 'Polygon'; coordinates: number[][][] };
  ubigeo?: string[];
  legalBasis?: string[];
  /** Seconds before now it was stored (newer evaluations supersede older ones of the same unit and task). */
  ageSeconds?: number;
}

/**
 * A tasking evaluation written straight to `tasking_evaluation` (the evaluator and its storage are tested in the
 * legal module), so that labels, decision and period are exactly what a test needs. Returns its id; the caller
 * removes what it wrote from a shared database (`removeEvaluations`).
 */
export async function storeEvaluation(db: Queryable, e: StoredEvaluation): Promise<string> {
  const legalBasis = e.legalBasis ?? [`DS-${uniq()}-PCM`];
  const input = {
    unit: { id: e.unitId, force: 'EJERCITO', ...(e.unitName ? { name: e.unitName } : {}), memberCount: 5 },
    task: e.task ?? 'PATRULLAJE_CONJUNTO',
    area: { ...(e.ubigeo ? { ubigeo: e.ubigeo } : {}), ...(e.geometry ? { geometry: e.geometry } : {}) },
    start: typeof e.start === 'number' ? limaDay(e.start) : e.start,
    end: typeof e.end === 'number' ? limaDay(e.end) : e.end,
  };
  const result = {
    decision: e.decision,
    legalBasis: e.decision === 'denied' ? [] : legalBasis,
    controlAuthority: e.decision === 'denied' ? null : 'PNP',
    ruleSetVersion: 'test',
    findings: [],
  };
  const r = await db.query<{ id: string }>(
    `INSERT INTO tasking_evaluation (actor, agency, classification, input, result, rule_set_version, decision, created_at)
     VALUES ('test', $1, $2, $3::jsonb, $4::jsonb, 'test', $5, now() - make_interval(secs => $6))
     RETURNING id`,
    [e.agency, e.classification, JSON.stringify(input), JSON.stringify(result), e.decision, e.ageSeconds ?? 0],
  );
  return r.rows[0]!.id;
}

/** Removes evaluations a test wrote, so later files on a shared database never see them. */
export async function removeEvaluations(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.query('DELETE FROM tasking_evaluation WHERE id = ANY($1::uuid[])', [ids]);
}
