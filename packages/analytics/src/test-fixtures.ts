import { weightsFromLists } from './weights.ts';
import type { Weights } from './weights.ts';

/** Rook contiguity on a rows x cols lattice, cells numbered row by row: the lattice of PySAL's lat2W. */
export function rookLattice(rows: number, cols: number): Weights {
  const lists: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const row: number[] = [];
      if (r > 0) row.push((r - 1) * cols + c);
      if (c > 0) row.push(r * cols + c - 1);
      if (c < cols - 1) row.push(r * cols + c + 1);
      if (r < rows - 1) row.push((r + 1) * cols + c);
      lists.push(row);
    }
  }
  return weightsFromLists(lists);
}

/** Every ordering of 0..n-1 (n! of them: keep n small). */
export function permutationsOf(n: number): number[][] {
  if (n === 0) return [[]];
  return permutationsOf(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}
