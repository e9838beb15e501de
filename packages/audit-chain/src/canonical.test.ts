import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes dates as ISO strings', () => {
    const at = new Date('2026-11-29T07:00:00.000Z');
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: at } })).toBe('{"a":{"c":"2026-11-29T07:00:00.000Z","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('leaves out undefined members, writes undefined array items and non-finite numbers as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN, Infinity, () => 1], c: -0 })).toBe('{"b":[null,null,null,null],"c":0}');
  });

  it('puts integer keys first in numeric order (JavaScript orders an object so), the form stored hashes were made with', () => {
    expect(canonicalJson({ b: 1, 10: 'x', a: 2, 9: 'y', '01': 3 })).toBe('{"9":"y","10":"x","01":3,"a":2,"b":1}');
  });

  it('throws on a bigint, as JSON.stringify does', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
