import { z } from 'zod';
import { ZAgencyCode } from './enums.ts';
import { ZCrimeType, ZInstant } from './incidents.ts';

const ZUbigeoAny = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/);

/** Which incidents an analysis uses: an area (districts/provinces/departments or a bbox in degrees), a period, types. */
export const ZAnalysisScope = z
  .object({
    ubigeo: z.array(ZUbigeoAny).max(100).optional(),
    bbox: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
    from: ZInstant,
    to: ZInstant,
    types: z.array(ZCrimeType).max(20).optional(),
    source: z.string().regex(/^[A-Z0-9_]{2,32}$/).optional(),
    agency: ZAgencyCode.optional(),
    /** Analyse an exercise's training incidents instead of real ones (never both: training data never mixes with real data). */
    exercise: z.boolean().optional(),
  })
  .strict();
export type TAnalysisScope = z.infer<typeof ZAnalysisScope>;

/** A hotspot map request. Defaults: Gi* on 100 m cells with a 250 m neighbourhood (KDE: r = 400 m), FDR on. */
export const ZHotspotRequest = z
  .object({
    scope: ZAnalysisScope,
    method: z.enum(['kde', 'gi']).default('gi'),
    cellSize: z.number().min(10).max(5000).default(100),
    /** KDE bandwidth or Gi* neighbourhood, metres. Default 400 (KDE) / 250 (Gi*). */
    radius: z.number().min(10).max(20_000).optional(),
    fdr: z.boolean().default(true),
    /** Most cells returned (the hottest first). */
    maxCells: z.number().int().min(1).max(100_000).default(10_000),
    language: z.enum(['es', 'en']).optional(),
  })
  .strict();
export type THotspotRequest = z.infer<typeof ZHotspotRequest>;

const ZPolygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) });

/** One grid cell: KDE density (events/km²) or Gi* z, p and bin (-3..3 for 99/95/90 % cold..hot). */
export const ZHotspotCell = z.object({
  type: z.literal('Feature'),
  geometry: ZPolygon,
  properties: z.object({
    col: z.number(),
    row: z.number(),
    count: z.number(),
    density: z.number().optional(),
    z: z.number().optional(),
    p: z.number().optional(),
    bin: z.number().optional(),
    /** KDE: class 1..5 by quantile of the non-zero cells. */
    level: z.number().optional(),
  }),
});

export const ZLegendEntry = z.object({ value: z.number(), color: z.string(), label: z.object({ es: z.string(), en: z.string() }) });

export const ZHotspotResult = z.object({
  method: z.enum(['kde', 'gi']),
  incidents: z.number(),
  grid: z.object({ epsg: z.number(), x0: z.number(), y0: z.number(), cellSize: z.number(), cols: z.number(), rows: z.number() }),
  parameters: z.object({ cellSize: z.number(), radius: z.number(), fdr: z.boolean(), fdrThresholds: z.array(z.number()).optional() }),
  /**
   * The UBIGEO codes bounding the map and its cells (empty: the whole grid). Gi*: the cells compared (n of Gi*, and m
   * of the FDR). KDE: the cells shown and classed, present only when the scope names districts.
   */
  studyArea: z.object({ ubigeo: z.array(z.string()), cells: z.number() }).optional(),
  cells: z.object({ type: z.literal('FeatureCollection'), features: z.array(ZHotspotCell) }),
  truncated: z.boolean(),
  legend: z.array(ZLegendEntry),
  explanation: z.object({ es: z.string(), en: z.string() }),
  timings: z.object({ loadMs: z.number(), computeMs: z.number() }),
});
export type THotspotResult = z.infer<typeof ZHotspotResult>;

export const ZTrendQuery = z
  .object({
    ubigeo: z
      .string()
      .max(2000)
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(ZUbigeoAny).max(100))
      .optional(),
    types: z
      .string()
      .max(2000)
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(ZCrimeType).max(20))
      .optional(),
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .strict();

/** Monthly counts per district and type: from incident points and from district-by-month aggregates (SIDPOL). */
export const ZTrendResult = z.object({
  months: z.array(z.string()),
  series: z.array(
    z.object({ ubigeo: z.string().nullable(), crimeType: ZCrimeType, origin: z.enum(['points', 'aggregate']), counts: z.array(z.number()) }),
  ),
});
export type TTrendResult = z.infer<typeof ZTrendResult>;

/** Band break points: 2 to 20 non-negative numbers, only the last may be `null` (open-ended). */
const ZBreaks = z
  .array(z.number().min(0).nullable())
  .min(2)
  .max(20)
  .refine((b) => b.every((v, i) => v !== null || i === b.length - 1) && b[0] !== null, {
    message: 'only the last break point may be null (open band)',
  });

/** Near repeat (Knox). Defaults as Ratcliffe's calculator: Manhattan distance, 99 permutations. */
export const ZNearRepeatRequest = z
  .object({
    scope: ZAnalysisScope,
    /** Right-open break points in metres; a last `null` is an open band (∞: JSON has no Infinity). */
    spaceBands: ZBreaks.default([0, 100, 200, 400, 800]),
    /** Right-open break points in days; a last `null` is an open band. */
    timeBands: ZBreaks.default([0, 7, 14, 21, 28]),
    metric: z.enum(['euclidean', 'manhattan']).default('manhattan'),
    permutations: z.number().int().min(0).max(999).default(99),
    seed: z.number().int().default(1),
  })
  .strict();

export const ZNearRepeatResult = z.object({
  incidents: z.number(),
  spaceBands: z.array(z.number().nullable()),
  timeBands: z.array(z.number().nullable()),
  observed: z.array(z.array(z.number())),
  expected: z.array(z.array(z.number().nullable())),
  ratio: z.array(z.array(z.number().nullable())),
  p: z.array(z.array(z.number().nullable())),
  explanation: z.object({ es: z.string(), en: z.string() }),
});

const ZPeriod = z.object({ from: ZInstant, to: ZInstant }).strict();

/** Hotspot evaluation: both maps built from period t, scored only on period t + 1. */
export const ZEvaluateRequest = z
  .object({
    scope: ZAnalysisScope.omit({ from: true, to: true }),
    train: ZPeriod,
    test: ZPeriod,
    method: z.enum(['kde', 'gi']).default('kde'),
    cellSize: z.number().min(10).max(5000).default(100),
    radius: z.number().min(10).max(20_000).optional(),
    shares: z.array(z.number().gt(0).max(1)).min(1).max(10).default([0.01, 0.05, 0.1]),
  })
  .strict();

/** PEI is null when no flagging could have caught anything: every incident of period t + 1 fell outside the grid. */
const ZScore = z.object({ share: z.number(), cells: z.number(), hitRate: z.number(), pai: z.number(), pei: z.number().nullable() });
export const ZEvaluateResult = z.object({
  trainIncidents: z.number(),
  testIncidents: z.number(),
  /** Cells of the area the shares are taken of: the grid's, or with districts in scope those of their study area. */
  cells: z.number(),
  /**
   * Incidents of period t + 1 outside the grid, which period t alone fixes (with districts in scope, outside their
   * study area): missed by both maps.
   */
  testIncidentsOutsideGrid: z.number(),
  model: z.array(ZScore),
  baseline: z.array(ZScore),
  explanation: z.object({ es: z.string(), en: z.string() }),
});

/** Before/after evaluation of an operation area against comparable areas, with displacement to neighbours. */
export const ZBeforeAfterRequest = z
  .object({
    treated: z.array(z.string().regex(/^\d{6}$/)).min(1).max(50),
    /** Comparable districts; default: the other districts of the same provinces that do not touch the treated. */
    control: z.array(z.string().regex(/^\d{6}$/)).max(200).optional(),
    before: ZPeriod,
    after: ZPeriod,
    types: z.array(ZCrimeType).max(20).optional(),
    confidence: z.number().gt(0.5).lt(1).default(0.95),
  })
  .strict();

const ZEstimate = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
export const ZBeforeAfterResult = z.object({
  areas: z.object({ treated: z.array(z.string()), control: z.array(z.string()), neighbours: z.array(z.string()) }),
  counts: z.object({
    treated: z.object({ before: z.number(), after: z.number() }),
    control: z.object({ before: z.number(), after: z.number() }),
    neighbours: z.object({ before: z.number(), after: z.number() }),
  }),
  /** T_after - T_before x C_after / C_before: incidents after beyond what the control trend predicts (delta-method CI). */
  differenceInDifferences: ZEstimate,
  /** (T_after / T_before) / (C_after / C_before): below 1 means a relative drop. */
  relativeEffect: ZEstimate,
  /** Neighbours against control: a rise suggests displacement, a drop a diffusion of benefits. */
  displacement: ZEstimate,
  /** Weighted displacement difference (Wheeler & Ratcliffe 2018): net effect counting displacement. */
  wdd: ZEstimate,
  confidence: z.number(),
  /** The dispersion of weekly counts the intervals allow for (1: Poisson, also when the periods are under three weeks). */
  dispersion: z.number(),
  explanation: z.object({ es: z.string(), en: z.string() }),
});

/** Exporting a hotspot map: the same request, as CSV (one row per cell, centre in lon/lat) or GeoJSON. */
export const ZHotspotExportRequest = z.object({ request: ZHotspotRequest, format: z.enum(['csv', 'geojson']).default('geojson') }).strict();

/** Exporting a near-repeat table, a hotspot evaluation or a before/after evaluation: the same request, as CSV. */
export const ZNearRepeatExportRequest = z.object({ request: ZNearRepeatRequest, format: z.enum(['csv']).default('csv') }).strict();
export const ZEvaluateExportRequest = z.object({ request: ZEvaluateRequest, format: z.enum(['csv']).default('csv') }).strict();
export const ZBeforeAfterExportRequest = z.object({ request: ZBeforeAfterRequest, format: z.enum(['csv']).default('csv') }).strict();

export const ZTrendExportQuery = ZTrendQuery.extend({ format: z.enum(['csv']).default('csv') }).strict();
