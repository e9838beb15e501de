/** Mean and population standard deviation (divisor n), as Gi* and Moran's I use them. */
export function meanAndSd(values: ArrayLike<number>, n: number = values.length): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / n) };
}

/** The values minus their mean. */
export function centred(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  return Float64Array.from({ length: n }, (_, i) => values[i]! - mean);
}
