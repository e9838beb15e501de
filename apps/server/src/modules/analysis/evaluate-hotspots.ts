import { binPoints, evaluateHotspots as score, giStarGrid, quarticKde, snappedExtent } from '@enlace/analytics';
import type { TAnalysisScope } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { scopeFilter, scopePoints } from './analysis-points.ts';
import { defaultRadius } from './build-hotspot.ts';
import { MAX_GRID_CELLS } from './hotspot-map.ts';

export interface EvaluateRequest {
  scope: Omit<TAnalysisScope, 'from' | 'to'>;
  train: { from: string; to: string };
  test: { from: string; to: string };
  method: 'kde' | 'gi';
  cellSize: number;
  radius?: number | undefined;
  shares: number[];
}

/**
 * Honest evaluation of a hotspot map: the model (KDE or Gi*) and the naive baseline (period t's own counts per cell)
 * are both built from period t only and scored only on period t + 1, on the same grid, by hit rate, PAI and PEI at
 * each area share. The baseline is always returned beside the model. Cells tied at the cut share the last places
 * (`evaluateHotspots`), so the baseline's many equal counts are scored by expectation, not by grid order.
 */
export async function evaluateHotspotMap({ ctx, actor, request }: { ctx: AppContext; actor: Actor; request: EvaluateRequest }) {
  if (Date.parse(request.test.from) < Date.parse(request.train.to)) {
    throw new AppError('ANALYSIS_BAD_PERIOD', { reason: 'the test period must start after the training period ends' });
  }
  const train = await scopePoints(ctx.db, scopeFilter(actor, { ...request.scope, ...request.train }));
  const test = await scopePoints(ctx.db, scopeFilter(actor, { ...request.scope, ...request.test }));
  if (train.n === 0 || test.n === 0) throw new AppError('ANALYSIS_NO_INCIDENTS');
  const radius = request.radius ?? defaultRadius(request.method);
  const { cellSize } = request;
  // The grid is fixed by period t alone (its incidents and the radius around them), so the area share flagged does
  // not depend on where period t + 1's incidents fall; those outside it count as missed by both maps.
  const bbox = snappedExtent({ x: train.x, y: train.y }, cellSize, radius);
  const cells = ((bbox[2] - bbox[0]) / cellSize) * ((bbox[3] - bbox[1]) / cellSize);
  if (cells > MAX_GRID_CELLS) throw new AppError('ANALYSIS_GRID_TOO_LARGE', { cells, max: MAX_GRID_CELLS });
  const past = binPoints({ x: train.x, y: train.y }, { cellSize, bbox });
  const future = binPoints({ x: test.x, y: test.y }, { cellSize, bbox });
  const model = request.method === 'kde' ? quarticKde({ x: train.x, y: train.y }, { radius, cellSize, bbox }).values : giStarGrid(past, { radius }).z;
  // PEI is n / n*: with every future incident outside the grid n* is 0 and PEI has no value (null, not NaN).
  const scored = (scores: ArrayLike<number>) =>
    score(scores, future.values, request.shares, { eventsOutside: future.outside }).map((r) => ({ ...r, pei: Number.isFinite(r.pei) ? r.pei : null }));
  const modelScores = scored(model);
  const baselineScores = scored(past.values);
  const first = request.shares[0]!;
  const m = modelScores[0]!;
  const b = baselineScores[0]!;
  const winner = m.pai >= b.pai;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const out = future.outside;
  const outsideEs = out === 0 ? '' : ` ${out === 1 ? '1 incidencia' : `${out} incidencias`} del periodo siguiente ${out === 1 ? 'cayó' : 'cayeron'} fuera de la cuadrícula del periodo de entrenamiento y ${out === 1 ? 'cuenta' : 'cuentan'} como no captada${out === 1 ? '' : 's'} por ambos mapas.`;
  const outsideEn = out === 0 ? '' : ` ${out === 1 ? '1 incident' : `${out} incidents`} of the following period fell outside the training period's grid and ${out === 1 ? 'counts' : 'count'} as missed by both maps.`;
  return {
    trainIncidents: train.n,
    testIncidents: test.n,
    cells: past.values.length,
    testIncidentsOutsideGrid: future.outside,
    model: modelScores,
    baseline: baselineScores,
    explanation: {
      es: `Ambos mapas se construyeron solo con el periodo de entrenamiento (${train.n} incidencias) y se calificaron solo con el periodo siguiente (${test.n}). Marcando el ${pct(first)} del área, el modelo (${request.method === 'kde' ? 'KDE' : 'Gi*'}) capta el ${pct(m.hitRate)} de los hechos futuros (PAI ${m.pai.toFixed(2)}) y la línea de base ingenua (las celdas con más hechos del periodo anterior) el ${pct(b.hitRate)} (PAI ${b.pai.toFixed(2)}). ${winner ? 'El modelo supera o iguala a la línea de base.' : 'La línea de base ingenua gana: el modelo no añade valor en este caso.'} Las celdas empatadas en el límite comparten los últimos lugares, así ningún mapa gana por el orden de sus celdas.${outsideEs}`,
      en: `Both maps were built from the training period only (${train.n} incidents) and scored only on the following period (${test.n}). Flagging ${pct(first)} of the area, the model (${request.method === 'kde' ? 'KDE' : 'Gi*'}) captures ${pct(m.hitRate)} of future incidents (PAI ${m.pai.toFixed(2)}) and the naive baseline (the cells with most incidents last period) ${pct(b.hitRate)} (PAI ${b.pai.toFixed(2)}). ${winner ? 'The model matches or beats the baseline.' : 'The naive baseline wins: the model adds no value here.'} Cells tied at the cut share the last places, so neither map gains from the order of its cells.${outsideEn}`,
    },
  };
}
