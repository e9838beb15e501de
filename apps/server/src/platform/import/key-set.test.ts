import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.ts';

describe('KeySet', () => {
  it('returns the first line of a repeated key and null for a new one, across growth', () => {
    const set = new KeySet();
    let repeats = 0;
    for (let i = 0; i < 50_000; i++) if (set.add(`CIP:${i}`, i + 2) !== null) repeats++;
    expect(repeats).toBe(0);
    expect(set.size).toBe(50_000);
    expect(set.add('CIP:0', 90_000)).toBe(2);
    expect(set.add('CIP:49999', 90_001)).toBe(50_001);
    expect(set.add('CIP:50000', 90_002)).toBeNull();
    expect(set.add('', 5)).toBeNull();
    expect(set.add('', 6)).toBe(5);
  });
});
