import { createHash } from 'node:crypto';

const EMPTY = 0;

/**
 * The natural keys seen in a file, to report a repeated record with the line of its first occurrence, in about
 * 16 bytes per row whatever the keys' length: each key is kept as a 64-bit digest (MD5, first 8 bytes) in an
 * open-addressing table of typed arrays. Two different keys share a digest with probability about n²/2^65
 * (3·10⁻⁸ for a million rows), so the set never holds the keys themselves and memory stays flat.
 */
export class KeySet {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private count = 0;

  /** Records `key` first seen on `line`; returns the line of an earlier occurrence, or null when it is new. */
  add(key: string, line: number): number | null {
    const d = createHash('md5').update(key).digest();
    // 0/0 marks an empty slot: nudge a digest that happens to be all zeros.
    const h = d.readUInt32LE(0) || 1;
    const l = d.readUInt32LE(4);
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    const mask = this.hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === EMPTY) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.lines[i] = line;
        this.count++;
        return null;
      }
      if (this.hi[i] === h && this.lo[i] === l) return this.lines[i]!;
    }
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const [hi, lo, lines] = [this.hi, this.lo, this.lines];
    const size = hi.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.lines = new Uint32Array(size);
    const mask = size - 1;
    for (let j = 0; j < hi.length; j++) {
      if (hi[j] === EMPTY) continue;
      let i = lo[j]! & mask;
      while (this.hi[i] !== EMPTY) i = (i + 1) & mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.lines[i] = lines[j]!;
    }
  }
}
