import { describe, expect, it } from 'vitest';
import { distanceBandWeights } from './distance-band.ts';
import { AnalyticsError } from './errors.ts';
import { createRng } from './rng.ts';
import { transformWeights, transposeWeights, weightsFromLists, weightsToLists } from './weights.ts';
import { readGal, readGwt } from './weights-files.ts';

const GEODA_GAL = ['0 4 districts UBIGEO', '150101 2', '150102 150103', '150102 1', '150101', '150103 1', '150101', '150104 0', ''].join('\r\n');

describe('readGal', () => {
  it('reads a GeoDa file with its four-field header, CRLF line ends and an island', () => {
    const w = readGal(GEODA_GAL);
    expect(w.ids).toEqual(['150101', '150102', '150103', '150104']);
    expect(weightsToLists(w)).toEqual({ neighbours: [[1, 2], [0], [0], []], weights: [[1, 1], [1], [1], []] });
  });

  it('reads the one-number header of PySAL and an island without its empty line', () => {
    const w = readGal('3\n1 1\n2\n2 1\n1\n3 0\n');
    expect(w.ids).toEqual(['1', '2', '3']);
    expect(weightsToLists(w).neighbours).toEqual([[1], [0], []]);
  });

  it.each([
    ['a count that disagrees with the header', '3\n1 1\n2\n2 1\n1\n'],
    ['a neighbour that is not an observation', '2\n1 1\n9\n2 0\n'],
    ['fewer neighbours than announced', '2\n1 2\n2\n'],
    ['a duplicated id', '2\n1 0\n\n1 0\n'],
    ['an empty file', '  \n'],
  ])('rejects %s with BAD_WEIGHTS_FILE', (_what, text) => {
    expect(() => readGal(text)).toThrow(AnalyticsError);
    expect(() => readGal(text)).toThrow(expect.objectContaining({ code: 'BAD_WEIGHTS_FILE' }) as Error);
  });
});

describe('readGwt', () => {
  const gwt = '0 4 points ID\n1 2 10.5\n2 1 10.5\n2 3 7\n3 2 7\n';

  it('keeps the weights as written and fills in islands for record ids 1..n', () => {
    const w = readGwt(gwt);
    expect(w.ids).toEqual(['1', '2', '3', '4']);
    expect(weightsToLists(w)).toEqual({ neighbours: [[1], [0, 2], [1], []], weights: [[10.5], [10.5, 7], [7], []] });
  });

  it('follows an explicit id order', () => {
    const w = readGwt(gwt, { ids: ['4', '3', '2', '1'] });
    expect(weightsToLists(w).neighbours).toEqual([[], [2], [3, 1], [2]]);
  });

  it('orders string ids by first appearance', () => {
    expect(readGwt('3\nb a 1\na c 2\n').ids).toEqual(['b', 'a', 'c']);
  });

  it('rejects a malformed line with its line number', () => {
    expect(() => readGwt('2\n1 2\n')).toThrow(/line 2/);
  });
});

describe('weights', () => {
  const w = weightsFromLists([[1, 2], [0], [0], []], [[1, 3], [2], [5], []]);

  it('row-standardises and keeps islands empty', () => {
    expect(weightsToLists(transformWeights(w, 'r')).weights).toEqual([[0.25, 0.75], [1], [1], []]);
    expect(weightsToLists(transformWeights(w, 'b')).weights).toEqual([[1, 1], [1], [1], []]);
    expect(transformWeights(w, undefined)).toBe(w);
  });

  it('transposes', () => {
    expect(weightsToLists(transposeWeights(w))).toEqual({ neighbours: [[1, 2], [0], [0], []], weights: [[2, 5], [1], [3], []] });
  });

  it('rejects neighbours outside the observations', () => {
    expect(() => weightsFromLists([[3]])).toThrow(/not an observation index/);
  });
});

describe('distanceBandWeights', () => {
  it('includes a neighbour at exactly the threshold (PySAL six-point example, band 15)', () => {
    const w = distanceBandWeights([[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]], 15);
    expect(weightsToLists(w).neighbours).toEqual([[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]);
  });

  it.each([0, 3, 25, 1e9, Infinity])('equals the brute-force definition on clustered random points (threshold %d)', (threshold) => {
    const rng = createRng(11);
    const pts = Array.from({ length: 400 }, (_, i): [number, number] =>
      i % 4 === 0 ? [Math.round(rng() * 10), 5] : [rng() * 200, rng() * 100],
    );
    const brute = pts.map((p, i) =>
      pts.flatMap((q, j) => (j !== i && Math.hypot(p[0] - q[0], p[1] - q[1]) <= threshold ? [j] : [])),
    );
    expect(weightsToLists(distanceBandWeights(pts, threshold)).neighbours).toEqual(brute);
  });

  it('accepts coordinate columns and a single point', () => {
    expect(distanceBandWeights({ x: [0, 1], y: [0, 0] }, 1).indices).toEqual(Int32Array.from([1, 0]));
    expect(distanceBandWeights([[5, 5]], 10).n).toBe(1);
  });
});
