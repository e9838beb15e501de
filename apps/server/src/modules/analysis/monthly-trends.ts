import { readableLabels } from '@enlace/access';
import type { TTrendResult } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { monthlyAggregateCounts, monthlyPointCounts } from './analysis.repository.ts';

export interface TrendOptions {
  ctx: AppContext;
  actor: Actor;
  ubigeo?: string[] | undefined;
  types?: TTrendResult['series'][number]['crimeType'][] | undefined;
  /** First and last day (America/Lima), inclusive. */
  from: string;
  to: string;
}

const MAX_MONTHS = 240;

/** The months from the month of `from` to the month of `to`, as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  while (out.length <= MAX_MONTHS) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Monthly series by district and crime type: counted from the incident points the actor may read, and (marked as
 * such) from the district-by-month aggregates imported from SIDPOL, which are never mixed with the points.
 * Exercise (training) incidents never enter a trend.
 */
export async function monthlyTrends({ ctx, actor, ubigeo, types, from, to }: TrendOptions): Promise<TTrendResult> {
  if (to < from) throw new AppError('ANALYSIS_BAD_PERIOD', { reason: `${to} < ${from}` });
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw new AppError('ANALYSIS_BAD_PERIOD', { reason: `more than ${MAX_MONTHS} months` });
  const labels = readableLabels(actor, 'incident:read');
  const startIso = new Date(`${from}T00:00:00-05:00`).toISOString();
  const endIso = new Date(Date.parse(`${to}T00:00:00-05:00`) + 86_400_000).toISOString();
  const points = await monthlyPointCounts(ctx.db, { labels, ubigeo, types, from: startIso, to: endIso, exercise: false });
  const aggregates = await monthlyAggregateCounts(ctx.db, { labels, ubigeo, types, fromMonth: `${months[0]}-01`, toMonth: `${months.at(-1)}-01` });
  const index = new Map(months.map((m, k) => [m, k]));
  const series = new Map<string, TTrendResult['series'][number]>();
  const add = (origin: 'points' | 'aggregate', r: { month: string; ubigeo: string | null; crime_type: string; n: number }) => {
    const k = index.get(r.month);
    if (k === undefined) return;
    const key = `${origin}|${r.ubigeo}|${r.crime_type}`;
    let s = series.get(key);
    if (!s) {
      s = { ubigeo: r.ubigeo, crimeType: r.crime_type as TTrendResult['series'][number]['crimeType'], origin, counts: months.map(() => 0) };
      series.set(key, s);
    }
    s.counts[k]! += r.n;
  };
  for (const r of points) add('points', r);
  for (const r of aggregates) add('aggregate', r);
  return { months, series: [...series.values()] };
}
