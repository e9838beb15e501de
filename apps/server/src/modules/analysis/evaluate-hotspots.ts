import { binPoints, evaluateHotspots as score, giStarGrid, quarticKde, snappedExtent } from '@enlace/analytics';
import type { TAnalysisScope } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { scopeFilter, scopePoints } from './analysis-points.ts';
import { defaultRadius } from './build-hotspot.ts';
import { MAX_GRID_CELLS } from './hotspot-map.ts';
import { areaCells, noAreaReason, studyArea } from './study-area.ts';
import type { StudyArea } from './study-area.ts';

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
 *
 * When the scope names districts, the area is theirs: only the cells of those districts (and the cells on their
 * edge holding period t's incidents) are ranked and make up the area share, as in an analyst's study area, so the
 * sea or a neighbouring district neither dilutes nor inflates PAI; Gi* compares only those cells.
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
  const codes = request.scope.ubigeo ?? [];
  const area = codes.length > 0 ? await studyArea(ctx.db, codes, train.epsg) : undefined;
  // The grid is fixed by period t alone (its incidents and the radius around them, and the study area's extent), so
  // the area share flagged does not depend on where period t + 1's incidents fall; those outside it count as missed
  // by both maps.
  const bbox = gridExtent(snappedExtent({ x: train.x, y: train.y }, cellSize, radius), area, cellSize);
  const cells = ((bbox[2] - bbox[0]) / cellSize) * ((bbox[3] - bbox[1]) / cellSize);
  if (cells > MAX_GRID_CELLS) throw new AppError('ANALYSIS_GRID_TOO_LARGE', { cells, max: MAX_GRID_CELLS });
  const past = binPoints({ x: train.x, y: train.y }, { cellSize, bbox });
  const future = binPoints({ x: test.x, y: test.y }, { cellSize, bbox });
  // The study area's cells: those of the districts and those on their edge holding period t's incidents.
  const inside = area ? areaCells(area, { x0: past.x0, y0: past.y0, cellSize, cols: past.cols, rows: past.rows }, past.values) : undefined;
  const model = request.method === 'kde' ? quarticKde({ x: train.x, y: train.y }, { radius, cellSize, bbox }).values : giStarGrid(past, { radius, mask: inside }).z;
  const ranked = inside ? studyCells(inside) : null;
  const only = (values: ArrayLike<number>): ArrayLike<number> => (ranked ? Float64Array.from(ranked, (i) => values[i]!) : values);
  const futureInside = only(future.values);
  let outsideArea = future.outside;
  if (inside) for (let i = 0; i < future.values.length; i++) if (!inside[i]) outsideArea += future.values[i]!;
  // PEI is n / n*: with every future incident outside the area n* is 0 and PEI has no value (null, not NaN).
  const scored = (scores: ArrayLike<number>) =>
    score(only(scores), futureInside, request.shares, { eventsOutside: outsideArea }).map((r) => ({ ...r, pei: Number.isFinite(r.pei) ? r.pei : null }));
  const modelScores = scored(model);
  const baselineScores = scored(past.values);
  const first = request.shares[0]!;
  const m = modelScores[0]!;
  const b = baselineScores[0]!;
  const winner = m.pai >= b.pai;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const out = outsideArea;
  const where = areaWords(area, ranked?.length ?? past.values.length);
  const outsideEs = out === 0 ? '' : ` ${out === 1 ? '1 incidencia' : `${out} incidencias`} del periodo siguiente ${out === 1 ? 'cayó' : 'cayeron'} fuera ${area ? 'del área de estudio' : 'de la cuadrícula del periodo de entrenamiento'} y ${out === 1 ? 'cuenta' : 'cuentan'} como no captada${out === 1 ? '' : 's'} por ambos mapas.`;
  const outsideEn = out === 0 ? '' : ` ${out === 1 ? '1 incident' : `${out} incidents`} of the following period fell outside ${area ? 'the study area' : "the training period's grid"} and ${out === 1 ? 'counts' : 'count'} as missed by both maps.`;
  return {
    trainIncidents: train.n,
    testIncidents: test.n,
    cells: ranked?.length ?? past.values.length,
    testIncidentsOutsideGrid: outsideArea,
    model: modelScores,
    baseline: baselineScores,
    explanation: {
      es: `Ambos mapas se construyeron solo con el periodo de entrenamiento (${train.n} incidencias) y se calificaron solo con el periodo siguiente (${test.n}). Marcando el ${pct(first)} del área, el modelo (${request.method === 'kde' ? 'KDE' : 'Gi*'}) capta el ${pct(m.hitRate)} de los hechos futuros (PAI ${m.pai.toFixed(2)}) y la línea de base ingenua (las celdas con más hechos del periodo anterior) el ${pct(b.hitRate)} (PAI ${b.pai.toFixed(2)}). ${winner ? 'El modelo supera o iguala a la línea de base.' : 'La línea de base ingenua gana: el modelo no añade valor en este caso.'} Las celdas empatadas en el límite comparten los últimos lugares, así ningún mapa gana por el orden de sus celdas.${where.es}${outsideEs}`,
      en: `Both maps were built from the training period only (${train.n} incidents) and scored only on the following period (${test.n}). Flagging ${pct(first)} of the area, the model (${request.method === 'kde' ? 'KDE' : 'Gi*'}) captures ${pct(m.hitRate)} of future incidents (PAI ${m.pai.toFixed(2)}) and the naive baseline (the cells with most incidents last period) ${pct(b.hitRate)} (PAI ${b.pai.toFixed(2)}). ${winner ? 'The model matches or beats the baseline.' : 'The naive baseline wins: the model adds no value here.'} Cells tied at the cut share the last places, so neither map gains from the order of its cells.${where.en}${outsideEn}`,
    },
  };
}

/** The training grid's extent grown to the study area's, when that fits the cell limit (its empty cells are area too). */
function gridExtent(train: readonly [number, number, number, number], area: StudyArea | null | undefined, cellSize: number): [number, number, number, number] {
  if (!area) return [...train];
  const down = (v: number): number => Math.floor(v / cellSize) * cellSize;
  const up = (v: number): number => Math.ceil(v / cellSize) * cellSize;
  const both: [number, number, number, number] = [
    Math.min(train[0], down(area.bbox[0])), Math.min(train[1], down(area.bbox[1])),
    Math.max(train[2], up(area.bbox[2])), Math.max(train[3], up(area.bbox[3])),
  ];
  return ((both[2] - both[0]) / cellSize) * ((both[3] - both[1]) / cellSize) <= MAX_GRID_CELLS ? both : [...train];
}

/** The indices of the cells in the study area, in grid order. */
function studyCells(inside: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < inside.length; i++) n += inside[i]!;
  const out = new Uint32Array(n);
  for (let i = 0, k = 0; i < inside.length; i++) if (inside[i]) out[k++] = i;
  return out;
}

/** What the area share is a share of, in plain words. */
function areaWords(area: StudyArea | null | undefined, cells: number): { es: string; en: string } {
  const es = cells.toLocaleString('es-PE');
  const en = cells.toLocaleString('en-GB');
  if (area) {
    const codes = area.ubigeo.join(', ');
    return {
      es: ` El área es la de los distritos elegidos (UBIGEO ${codes}): ${es} celdas, las que tienen su centro en ellos y las de su borde con incidencias del periodo de entrenamiento; el mar y los distritos vecinos no cuentan.`,
      en: ` The area is that of the chosen districts (UBIGEO ${codes}): ${en} cells, those whose centre lies in them and those on their edge holding incidents of the training period; the sea and neighbouring districts do not count.`,
    };
  }
  const why = noAreaReason(area);
  return {
    es: ` ${why.es}: el área es todo el rectángulo de la cuadrícula (${es} celdas), incluido el mar si lo hay.`,
    en: ` ${why.en}: the area is the grid's whole rectangle (${en} cells), the sea included where there is some.`,
  };
}
