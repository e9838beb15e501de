import { differenceInDifferences, dispersionIndex } from '@enlace/analytics';
import { readableLabels } from '@enlace/access';
import type { TCrimeType } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { countsIn, neighbourDistricts, provinceDistricts } from './analysis.repository.ts';

export interface BeforeAfterRequest {
  treated: string[];
  control?: string[] | undefined;
  before: { from: string; to: string };
  after: { from: string; to: string };
  types?: TCrimeType[] | undefined;
  confidence: number;
}

/**
 * Before/after evaluation of an operation area against comparable areas over the same periods (difference in
 * differences with confidence intervals) and displacement to the neighbouring districts. By default the comparison
 * areas are the other districts of the same provinces that neither are nor touch the operation area.
 */
export async function evaluateOperation({ ctx, actor, request }: { ctx: AppContext; actor: Actor; request: BeforeAfterRequest }) {
  const { before, after, treated } = request;
  if (Date.parse(after.from) < Date.parse(before.to)) throw new AppError('ANALYSIS_BAD_PERIOD', { reason: 'the after period must start when the before period ends or later' });
  const neighbours = await neighbourDistricts(ctx.db, treated);
  const control = request.control?.length
    ? request.control.filter((u) => !treated.includes(u))
    : (await provinceDistricts(ctx.db, treated)).filter((u) => !neighbours.includes(u));
  const labels = readableLabels(actor, 'incident:read');
  const count = (districts: string[], p: { from: string; to: string }) => countsIn(ctx.db, { labels, types: request.types, ...p, districts, exercise: false });
  const [tb, ta, cb, ca, nb, na] = await Promise.all([count(treated, before), count(treated, after), count(control, before), count(control, after), count(neighbours, before), count(neighbours, after)]);
  const counts = {
    treated: { before: tb.total, after: ta.total },
    control: { before: cb.total, after: ca.total },
    neighbours: { before: nb.total, after: na.total },
  };
  if (counts.control.before === 0) throw new AppError('ANALYSIS_BAD_PARAMETERS', { reason: 'the comparison areas have no incidents in the before period' });
  // Crime counts vary more than Poisson counts: the intervals are widened by the dispersion of the weekly counts of
  // each group of areas in each period (quasi-Poisson). Periods shorter than three whole weeks give too little to
  // estimate it, and the intervals then stay Poisson (said in the explanation).
  const enoughWeeks = tb.weeks.length >= 3 && ta.weeks.length >= 3;
  const dispersion = enoughWeeks ? dispersionIndex([tb, ta, cb, ca, nb, na].map((c) => c.weeks)) : 1;
  const r = differenceInDifferences(
    {
      treatedBefore: counts.treated.before,
      treatedAfter: counts.treated.after,
      controlBefore: counts.control.before,
      controlAfter: counts.control.after,
      neighboursBefore: counts.neighbours.before,
      neighboursAfter: counts.neighbours.after,
    },
    { confidence: request.confidence, dispersion },
  );
  const pc = Math.round(request.confidence * 100);
  const rel = r.relative;
  const effect = rel.high < 1 ? 'drop' : rel.low > 1 ? 'rise' : 'none';
  const moved = r.displacement && r.displacement.low > 1;
  const spreadEs = enoughWeeks
    ? `Los intervalos consideran que los conteos semanales varían ${dispersion.toFixed(1)} veces lo que variarían conteos de Poisson (cuasi-Poisson).`
    : 'Los periodos son más cortos que tres semanas: los intervalos suponen conteos de Poisson y pueden ser demasiado estrechos.';
  const spreadEn = enoughWeeks
    ? `The intervals allow for weekly counts varying ${dispersion.toFixed(1)} times as much as Poisson counts would (quasi-Poisson).`
    : 'The periods are shorter than three weeks: the intervals assume Poisson counts and may be too narrow.';
  const es = {
    drop: `En el área de la operación los hechos bajaron más que en las áreas de comparación: razón de razones ${rel.estimate.toFixed(2)} (IC ${pc} %: ${rel.low.toFixed(2)}–${rel.high.toFixed(2)}), unas ${Math.abs(r.difference.estimate).toFixed(0)} incidencias menos de lo esperado por la tendencia.`,
    rise: `En el área de la operación los hechos subieron más que en las áreas de comparación: razón de razones ${rel.estimate.toFixed(2)} (IC ${pc} %: ${rel.low.toFixed(2)}–${rel.high.toFixed(2)}).`,
    none: `No hay evidencia de efecto: la razón de razones ${rel.estimate.toFixed(2)} tiene un IC ${pc} % (${rel.low.toFixed(2)}–${rel.high.toFixed(2)}) que incluye 1. Una baja solo dentro del área no es evidencia.`,
  }[effect];
  const en = {
    drop: `Incidents in the operation area fell more than in the comparison areas: ratio of ratios ${rel.estimate.toFixed(2)} (${pc} % CI ${rel.low.toFixed(2)}–${rel.high.toFixed(2)}), about ${Math.abs(r.difference.estimate).toFixed(0)} fewer incidents than the trend predicts.`,
    rise: `Incidents in the operation area rose more than in the comparison areas: ratio of ratios ${rel.estimate.toFixed(2)} (${pc} % CI ${rel.low.toFixed(2)}–${rel.high.toFixed(2)}).`,
    none: `No evidence of an effect: the ratio of ratios ${rel.estimate.toFixed(2)} has a ${pc} % CI (${rel.low.toFixed(2)}–${rel.high.toFixed(2)}) that includes 1. A drop inside the area alone is not evidence.`,
  }[effect];
  return {
    areas: { treated, control, neighbours },
    counts,
    differenceInDifferences: r.difference,
    relativeEffect: r.relative,
    displacement: r.displacement ?? { estimate: Number.NaN, low: Number.NaN, high: Number.NaN },
    wdd: r.wdd ?? { estimate: Number.NaN, low: Number.NaN, high: Number.NaN },
    confidence: request.confidence,
    dispersion,
    explanation: {
      es: `${es} ${moved ? 'En los distritos vecinos los hechos subieron respecto a la comparación: posible desplazamiento.' : 'No se observa desplazamiento significativo a los distritos vecinos.'} ${spreadEs}`,
      en: `${en} ${moved ? 'Incidents rose in the neighbouring districts relative to the comparison: possible displacement.' : 'No significant displacement to the neighbouring districts is seen.'} ${spreadEn}`,
    },
  };
}
