/** A seeded source of uniform numbers in [0, 1): the same seed gives the same sequence on every run and machine. */
export type Rng = () => number;

/** The seed used when a caller gives none, so that results are reproducible by default. */
export const DEFAULT_SEED = 20_240_611;

/**
 * sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded through splitmix32 so that nearby seeds give
 * unrelated streams. 32-bit integer arithmetic only, hence identical in every JavaScript engine.
 */
export function createRng(seed: number = DEFAULT_SEED): Rng {
  let s = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 2 ** 32) >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s ^ hi;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm-up, as the generator's author recommends
  return next;
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Shuffles `a` in place (Fisher-Yates) and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(a: T, rng: Rng): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
  return a;
}
