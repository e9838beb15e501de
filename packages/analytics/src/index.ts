/**
 * @enlace/analytics: pure crime-analysis kernels (no I/O). Coordinates are planar metres (UTM), times are days.
 * Each function is documented with a runnable example in ../README.md.
 */
export { distanceBandWeights } from './distance-band.ts';
export { differenceInDifferences, dispersionIndex, fdrThresholds, normalQuantileTwoSided } from './did.ts';
export type { BeforeAfterCounts, DifferenceInDifferences, Interval } from './did.ts';
export { AnalyticsError } from './errors.ts';
export type { AnalyticsErrorCode } from './errors.ts';
export { evaluateHotspots, hitRate, pai, pei, topCells, topCellWeights } from './evaluate.ts';
export type { EvaluateOptions, Flags, HotspotScore } from './evaluate.ts';
export { benjaminiHochberg, hotspotBins } from './fdr.ts';
export type { FdrResult, HotspotBinOptions } from './fdr.ts';
export { giStar } from './gi-star.ts';
export type { GiStarOptions, GiStarResult } from './gi-star.ts';
export { giStarGrid } from './gi-star-grid.ts';
export type { GiStarGridOptions, GiStarGridResult } from './gi-star-grid.ts';
export { binPoints, cellCentre, snappedExtent } from './grid.ts';
export type { BinOptions, Grid } from './grid.ts';
export { quarticKde } from './kde.ts';
export type { KdeGrid, QuarticKdeOptions } from './kde.ts';
export { knox } from './knox.ts';
export type { KnoxEvent, KnoxOptions, KnoxResult } from './knox.ts';
export { localMoran } from './local-moran.ts';
export type { LocalMoranOptions, LocalMoranResult, Quadrant } from './local-moran.ts';
export { moranI } from './moran.ts';
export type { MoranOptions, MoranResult } from './moran.ts';
export { nearestNeighbourIndex } from './nni.ts';
export type { NearestNeighbourResult } from './nni.ts';
export { normalCdf, normalSf, twoSidedP } from './normal.ts';
export type { BBox, Points } from './points.ts';
export { polygonMask } from './polygon-mask.ts';
export type { Polygon, Ring } from './polygon-mask.ts';
export { createRng } from './rng.ts';
export type { Rng } from './rng.ts';
export type { Metric } from './spatial-hash.ts';
export { readGal, readGwt } from './weights-files.ts';
export type { ReadGwtOptions } from './weights-files.ts';
export { transformWeights, weightsFromLists, weightsToLists } from './weights.ts';
export type { Transform, Weights } from './weights.ts';
