import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache.ts';

describe('VersionedCache', () => {
  const counter = () => {
    let n = 0;
    return { load: (tag: string) => async () => `${tag}#${++n}`, count: () => n };
  };

  it('keeps a value while the version holds, reloads when it moves, and shares concurrent loads', async () => {
    const cache = new VersionedCache<string, string>();
    const db = {};
    const c = counter();
    const [a, b] = await Promise.all([cache.get(db, '1', 'k', c.load('a')), cache.get(db, '1', 'k', c.load('b'))]);
    expect([a, b]).toEqual(['a#1', 'a#1']);
    expect(await cache.get(db, '1', 'k', c.load('c'))).toBe('a#1');
    expect(await cache.get(db, '2', 'k', c.load('d'))).toBe('d#2');
    // A reader that saw an older version loads for itself and does not replace the newer copy.
    expect(await cache.get(db, '1', 'k', c.load('e'))).toBe('e#3');
    expect(await cache.get(db, '2', 'k', c.load('f'))).toBe('d#2');
  });

  it('never hands one database the copy of another with the same version number', async () => {
    const cache = new VersionedCache<string, string>();
    const embedded = {};
    const postgres = {};
    expect(await cache.get(embedded, '7', 'registry', async () => 'embedded registry')).toBe('embedded registry');
    expect(await cache.get(postgres, '7', 'registry', async () => 'postgres registry')).toBe('postgres registry');
    expect(await cache.get(embedded, '7', 'registry', async () => 'reloaded')).toBe('embedded registry');
  });

  it('does not keep a failed load, and drops the oldest key beyond its size', async () => {
    const cache = new VersionedCache<string, string>(2);
    const db = {};
    await expect(cache.get(db, '1', 'k', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get(db, '1', 'k', async () => 'ok')).toBe('ok');
    await cache.get(db, '1', 'x', async () => 'x');
    await cache.get(db, '1', 'y', async () => 'y');
    expect(await cache.get(db, '1', 'k', async () => 'k again')).toBe('k again');
  });
});
