import { binPoints, fdrThresholds, giStarGrid, quarticKde } from '@enlace/analytics';
import type { THotspotResult } from '@enlace/contracts';
import { AppError } from '../../platform/errors/app-error.ts';
import { converter } from '../incidents/projection.ts';
import { areaCells, noAreaReason } from './study-area.ts';
import type { StudyArea } from './study-area.ts';

/** Largest grid the API computes (a 50 m grid over all of Lima Metropolitana is about 1.2 million cells). */
export const MAX_GRID_CELLS = 6_000_000;

export interface HotspotInput {
  epsg: number;
  x: Float64Array;
  y: Float64Array;
  method: 'kde' | 'gi';
  cellSize: number;
  radius: number;
  fdr: boolean;
  maxCells: number;
  period: { from: string; to: string };
  /**
   * The districts the scope names (undefined: none named; null: named, but none has a boundary). Gi* then compares
   * only the cells inside them; KDE shows and classes only those cells. Cells outside are not returned.
   */
  area?: StudyArea | null | undefined;
}

const GI_LEGEND = [
  [3, '#d62f27', 'Punto caliente, 99 % de confianza', 'Hot spot, 99 % confidence'],
  [2, '#ed7551', 'Punto caliente, 95 % de confianza', 'Hot spot, 95 % confidence'],
  [1, '#fab984', 'Punto caliente, 90 % de confianza', 'Hot spot, 90 % confidence'],
  [0, '#f7f7f2', 'No significativo', 'Not significant'],
  [-1, '#c0ccbe', 'Punto frío, 90 % de confianza', 'Cold spot, 90 % confidence'],
  [-2, '#849eba', 'Punto frío, 95 % de confianza', 'Cold spot, 95 % confidence'],
  [-3, '#4575b5', 'Punto frío, 99 % de confianza', 'Cold spot, 99 % confidence'],
] as const;
const KDE_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

type Extent = readonly [number, number, number, number];

function extentOf(x: Float64Array, y: Float64Array): Extent {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a < minX) minX = a;
    if (a > maxX) maxX = a;
    if (b < minY) minY = b;
    if (b > maxY) maxY = b;
  }
  return [minX, minY, maxX, maxY];
}

/** The grid of cellSize over an extent grown by margin, snapped to whole cells. */
function gridOver([minX, minY, maxX, maxY]: Extent, cellSize: number, margin: number): { x0: number; y0: number; cols: number; rows: number } {
  const x0 = Math.floor((minX - margin) / cellSize) * cellSize;
  const y0 = Math.floor((minY - margin) / cellSize) * cellSize;
  const cols = Math.max(1, Math.ceil((maxX + margin - x0) / cellSize + 1e-9));
  const rows = Math.max(1, Math.ceil((maxY + margin - y0) / cellSize + 1e-9));
  return { x0, y0, cols, rows };
}

/**
 * The grid: the incidents' extent grown by `margin`, and with a study area its whole extent too (its cells without
 * incidents are part of the comparison), unless that exceeds MAX_GRID_CELLS (then `clipped`).
 */
function gridFor(x: Float64Array, y: Float64Array, cellSize: number, margin: number, area: StudyArea | null | undefined) {
  const points = extentOf(x, y);
  if (area) {
    const both: Extent = [Math.min(points[0], area.bbox[0]), Math.min(points[1], area.bbox[1]), Math.max(points[2], area.bbox[2]), Math.max(points[3], area.bbox[3])];
    const whole = gridOver(both, cellSize, margin);
    if (whole.cols * whole.rows <= MAX_GRID_CELLS) return { ...whole, clipped: false };
  }
  const g = gridOver(points, cellSize, margin);
  if (g.cols * g.rows > MAX_GRID_CELLS) throw new AppError('ANALYSIS_GRID_TOO_LARGE', { cells: g.cols * g.rows, max: MAX_GRID_CELLS });
  return { ...g, clipped: area !== undefined && area !== null };
}

/** Lattice step (cells) at which corners are projected exactly; corners in between are interpolated bilinearly. */
const LATTICE = 16;

/**
 * Cell polygons in longitude/latitude. Projecting every corner costs tens of microseconds; instead corners on a
 * lattice every 16 cells are projected exactly and the others interpolated bilinearly between them: UTM is smooth
 * enough that the error over 16 cells of 100 m is far below a millimetre.
 */
function cellPolygons(epsg: number, g: { x0: number; y0: number; cols: number; cellSize: number }) {
  const inverse = converter(epsg, 4326);
  const exact = new Map<number, [number, number]>();
  const latticeNode = (lc: number, lr: number): [number, number] => {
    const key = lr * 1_000_003 + lc;
    let v = exact.get(key);
    if (!v) {
      const [lon, lat] = inverse.forward([g.x0 + lc * LATTICE * g.cellSize, g.y0 + lr * LATTICE * g.cellSize]);
      v = [lon, lat];
      exact.set(key, v);
    }
    return v;
  };
  const node = (c: number, r: number): [number, number] => {
    const lc = Math.floor(c / LATTICE);
    const lr = Math.floor(r / LATTICE);
    const fu = (c - lc * LATTICE) / LATTICE;
    const fv = (r - lr * LATTICE) / LATTICE;
    const a = latticeNode(lc, lr);
    const b = latticeNode(lc + 1, lr);
    const d = latticeNode(lc, lr + 1);
    const e = latticeNode(lc + 1, lr + 1);
    const lon = (1 - fv) * ((1 - fu) * a[0] + fu * b[0]) + fv * ((1 - fu) * d[0] + fu * e[0]);
    const lat = (1 - fv) * ((1 - fu) * a[1] + fu * b[1]) + fv * ((1 - fu) * d[1] + fu * e[1]);
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  };
  return (c: number, r: number) => ({
    type: 'Polygon' as const,
    coordinates: [[node(c, r), node(c + 1, r), node(c + 1, r + 1), node(c, r + 1), node(c, r)]],
  });
}

const fmt = (n: number, lang: 'es' | 'en'): string => n.toLocaleString(lang === 'es' ? 'es-PE' : 'en-GB');

/**
 * A hotspot map over incident points in metres: quartic KDE (events per km², five quantile classes of the non-zero
 * cells) or Getis-Ord Gi* on a grid of counts (square neighbourhood of `radius`, ArcGIS-style bins at 90/95/99 %
 * with the false discovery rate applied per level). Returns the hottest `maxCells` cells as GeoJSON in
 * longitude/latitude, a legend and a plain-language explanation in Spanish and English.
 */
export function hotspotMap(input: HotspotInput): Omit<THotspotResult, 'timings'> {
  const { x, y, cellSize, radius, method } = input;
  const n = x.length;
  if (n === 0) throw new AppError('ANALYSIS_NO_INCIDENTS');
  const area = input.area;
  const g = gridFor(x, y, cellSize, method === 'kde' ? radius : cellSize, area);
  const bbox = [g.x0, g.y0, g.x0 + g.cols * cellSize, g.y0 + g.rows * cellSize] as const;
  const counts = binPoints({ x, y }, { cellSize, bbox });
  const polygon = cellPolygons(input.epsg, { ...g, cellSize });
  const grid = { epsg: input.epsg, x0: g.x0, y0: g.y0, cellSize, cols: g.cols, rows: g.rows };
  const features: THotspotResult['cells']['features'] = [];
  let truncated = false;
  const { from, to } = input.period;
  const mask = area ? areaCells(area, { ...g, cellSize }, counts.values) : undefined;

  if (method === 'kde') {
    const kde = quarticKde({ x, y }, { radius, cellSize, bbox });
    const perKm2 = 1e6;
    const positive: number[] = [];
    // The density is estimated over the whole grid (an incident near a boundary spreads its weight across it); only
    // the study area's cells are shown and classed, so the sea and neighbouring districts set no class break.
    for (let i = 0; i < kde.values.length; i++) if (kde.values[i]! > 0 && (!mask || mask[i])) positive.push(i);
    const sortedDensities = Float64Array.from(positive, (i) => kde.values[i]!).sort();
    const breaks = [0.2, 0.4, 0.6, 0.8].map((q) => sortedDensities[Math.floor(q * (sortedDensities.length - 1))] ?? 0);
    const level = (v: number): number => 1 + breaks.filter((b) => v > b).length;
    positive.sort((a, b) => kde.values[b]! - kde.values[a]!);
    truncated = positive.length > input.maxCells;
    for (const i of positive.slice(0, input.maxCells)) {
      const c = i % g.cols;
      const r = Math.floor(i / g.cols);
      features.push({ type: 'Feature', geometry: polygon(c, r), properties: { col: c, row: r, count: counts.values[i]!, density: kde.values[i]! * perKm2, level: level(kde.values[i]!) } });
    }
    const legend = KDE_COLORS.map((color, k) => ({
      value: k + 1,
      color,
      label: {
        es: `Clase ${k + 1} de 5 (${k === 0 ? 'menor' : k === 4 ? 'mayor' : 'media'} densidad)`,
        en: `Class ${k + 1} of 5 (${k === 0 ? 'lowest' : k === 4 ? 'highest' : 'middle'} density)`,
      },
    }));
    const shown = mask ? ones(mask) : 0;
    const kdeArea = kdeAreaText(area, shown, g.clipped);
    return {
      method,
      incidents: n,
      grid,
      parameters: { cellSize, radius, fdr: false },
      ...(area ? { studyArea: { ubigeo: [...area.ubigeo], cells: shown } } : {}),
      cells: { type: 'FeatureCollection', features },
      truncated,
      legend,
      explanation: {
        es: `Densidad de ${fmt(n, 'es')} incidencias entre ${from} y ${to}, estimada con un kernel cuártico de ${radius} m de radio en celdas de ${cellSize} m: cada incidencia reparte su peso en un círculo de ${radius} m, más cerca del centro más peso. Los colores agrupan las celdas con densidad en cinco clases iguales (quintiles).${kdeArea.es} La densidad muestra dónde se concentran los hechos, pero no es una prueba estadística: use Gi* para saber si una concentración es mayor que la esperable por azar.`,
        en: `Density of ${fmt(n, 'en')} incidents between ${from} and ${to}, estimated with a quartic kernel of ${radius} m radius on ${cellSize} m cells: each incident spreads its weight over a ${radius} m circle, more of it near the centre. Colours group the cells with some density into five equal classes (quintiles).${kdeArea.en} Density shows where incidents concentrate but is not a statistical test: use Gi* to learn whether a concentration is larger than chance would give.`,
      },
    };
  }

  const gi = giStarGrid(counts, { radius, mask });
  const alphas = [0.1, 0.05, 0.01];
  const cut = input.fdr ? fdrThresholds(gi.p, alphas) : alphas;
  const hits: number[] = [];
  const bins = new Int8Array(gi.z.length);
  for (let i = 0; i < gi.z.length; i++) {
    const p = gi.p[i]!;
    const z = gi.z[i]!;
    if (!Number.isFinite(p) || !Number.isFinite(z)) continue;
    let level = 0;
    for (let k = 0; k < 3; k++) if (input.fdr ? cut[k]! > 0 && p <= cut[k]! * (1 + 1e-12) : p < cut[k]!) level = k + 1;
    if (level > 0) {
      bins[i] = Math.sign(z) * level;
      hits.push(i);
    }
  }
  hits.sort((a, b) => Math.abs(gi.z[b]!) - Math.abs(gi.z[a]!));
  truncated = hits.length > input.maxCells;
  const tally = new Map<number, number>();
  for (const i of hits) tally.set(bins[i]!, (tally.get(bins[i]!) ?? 0) + 1);
  for (const i of hits.slice(0, input.maxCells)) {
    const c = i % g.cols;
    const r = Math.floor(i / g.cols);
    features.push({ type: 'Feature', geometry: polygon(c, r), properties: { col: c, row: r, count: counts.values[i]!, z: gi.z[i]!, p: gi.p[i]!, bin: bins[i]! } });
  }
  const hot = (b: number): number => tally.get(b) ?? 0;
  const side = (2 * gi.halfWidth + 1) * cellSize;
  const fdrText = input.fdr
    ? { es: ' Se aplicó la corrección por tasa de falsos descubrimientos (FDR), que evita marcar celdas por azar al probar muchas a la vez.', en: ' The false discovery rate (FDR) correction was applied, so testing many cells at once does not flag cells by chance.' }
    : { es: ' Sin corrección FDR: con muchas celdas, algunas saldrán significativas por azar.', en: ' Without FDR correction: with many cells, some will come out significant by chance.' };
  const areaText = studyAreaText(area, gi.cells, g.clipped);
  return {
    method,
    incidents: n,
    grid,
    parameters: { cellSize, radius, fdr: input.fdr, fdrThresholds: input.fdr ? cut : undefined },
    studyArea: { ubigeo: area ? [...area.ubigeo] : [], cells: gi.cells },
    cells: { type: 'FeatureCollection', features },
    truncated,
    legend: GI_LEGEND.map(([value, color, es, en]) => ({ value, color, label: { es, en } })),
    explanation: {
      es: `Se analizaron ${fmt(n, 'es')} incidencias entre ${from} y ${to} en celdas de ${cellSize} m. Una celda es un punto caliente cuando ella y sus vecinas (un cuadrado de ${side} m de lado) suman más incidencias de las que cabría esperar si se repartieran al azar por toda el área (Getis-Ord Gi*).${areaText.es}${fdrText.es} Resultado: ${fmt(hot(3), 'es')} celdas calientes al 99 %, ${fmt(hot(2), 'es')} al 95 % y ${fmt(hot(1), 'es')} al 90 %; ${fmt(hot(-3) + hot(-2) + hot(-1), 'es')} celdas frías. Una celda sin incidencias junto a un foco puede salir caliente porque se juzga con sus vecinas: está dentro de la zona del foco. Un punto caliente indica dónde concentrar la atención; no explica la causa.`,
      en: `${fmt(n, 'en')} incidents between ${from} and ${to} were analysed on ${cellSize} m cells. A cell is a hot spot when it and its neighbours (a square ${side} m across) hold more incidents than a random spread over the whole area would give (Getis-Ord Gi*).${areaText.en}${fdrText.en} Result: ${fmt(hot(3), 'en')} hot cells at 99 %, ${fmt(hot(2), 'en')} at 95 % and ${fmt(hot(1), 'en')} at 90 %; ${fmt(hot(-3) + hot(-2) + hot(-1), 'en')} cold cells. A cell with no incidents next to a cluster can come out hot because it is judged with its neighbours: it lies within the cluster's area. A hot spot shows where to focus attention; it does not explain the cause.`,
    },
  };
}

const ones = (mask: Uint8Array): number => mask.reduce((sum, v) => sum + v, 0);

/** What the KDE map shows, when the scope names districts: only their cells, or (said plainly) all of them. */
function kdeAreaText(area: StudyArea | null | undefined, cells: number, clipped: boolean): { es: string; en: string } {
  if (area === undefined) return { es: '', en: '' };
  if (area === null) {
    const why = noAreaReason(null);
    return { es: ` ${why.es}: se muestran todas las celdas con densidad.`, en: ` ${why.en}: every cell with some density is shown.` };
  }
  const codes = area.ubigeo.join(', ');
  return {
    es: ` Solo se muestran y clasifican las ${fmt(cells, 'es')} celdas del área elegida (UBIGEO ${codes}): las que tienen su centro en sus distritos y las de su borde con incidencias; la densidad que cae en el mar o en distritos vecinos no se muestra${clipped ? '. El área completa excede el máximo de celdas a este tamaño de celda, así que se limitó al rectángulo de las incidencias' : ''}.`,
    en: ` Only the ${fmt(cells, 'en')} cells of the chosen area (UBIGEO ${codes}) are shown and classed: those whose centre lies in its districts and those on its edge holding incidents; density falling on the sea or neighbouring districts is not shown${clipped ? '. The whole area exceeds the cell limit at this cell size, so it was limited to the rectangle around the incidents' : ''}.`,
  };
}

/** What the Gi* comparison covered, in plain words: the chosen districts, or (said plainly) the whole bounding box. */
function studyAreaText(area: StudyArea | null | undefined, cells: number, clipped: boolean): { es: string; en: string } {
  if (area) {
    const codes = area.ubigeo.join(', ');
    return {
      es: ` Solo se compararon las ${fmt(cells, 'es')} celdas del área elegida (UBIGEO ${codes}): las que tienen su centro en sus distritos y las de su borde con incidencias; el mar y los distritos vecinos no cuentan${clipped ? '. El área completa excede el máximo de celdas a este tamaño de celda, así que se limitó al rectángulo de las incidencias' : ''}.`,
      en: ` Only the ${fmt(cells, 'en')} cells of the chosen area (UBIGEO ${codes}) were compared: those whose centre lies in its districts and those on its edge holding incidents; the sea and neighbouring districts do not count${clipped ? '. The whole area exceeds the cell limit at this cell size, so it was limited to the rectangle around the incidents' : ''}.`,
    };
  }
  const why = noAreaReason(area);
  return {
    es: ` ${why.es}: se comparó todo el rectángulo que contiene las incidencias (${fmt(cells, 'es')} celdas), incluidos lugares como el mar, que cuentan como celdas sin incidencias y pueden hacer parecer más calientes las celdas junto a la costa o al borde.`,
    en: ` ${why.en}: the whole rectangle around the incidents (${fmt(cells, 'en')} cells) was compared, including places such as the sea, which count as cells without incidents and can make cells near the coast or the edge look hotter.`,
  };
}
