import { describe, expect, it } from 'vitest';
import type { ChainEntry } from './canonical.ts';
import { GENESIS_HASH, canonicalEntry, entryHash } from './canonical.ts';
import { verifyChain } from './verify.ts';

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      seq,
      at: new Date(Date.UTC(2026, 10, 28, 10, 0, seq)).toISOString(),
      actorId: 'u-1',
      actor: 'pnp.operador',
      agency: 'PNP',
      action: 'create',
      entityType: 'unit',
      entityId: `unit-${seq}`,
      stateHash: 'ab'.repeat(32),
      prevHash: prev,
    };
    const e = { ...base, hash: entryHash(base) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

/** Recomputes an entry's hash as a forger would (no key needed for a bare chain). */
const rehash = (e: Omit<ChainEntry, 'hash'>): ChainEntry => ({ ...e, hash: entryHash(e) });

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(50))).toEqual({ ok: true, entries: 50, firstBadSeq: null, kind: null });
  });

  it('escapes separators so that two different entries never share a canonical form', () => {
    const [e] = chain(1);
    const a = canonicalEntry({ ...e!, actor: 'a|b', agency: 'c' });
    const b = canonicalEntry({ ...e!, actor: 'a', agency: 'b|c' });
    expect(a).not.toEqual(b);
  });

  it('names an altered row', () => {
    const c = chain(20);
    c[6] = { ...c[6]!, entityId: 'unit-forged' };
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadSeq: 7, kind: 'altered' });
  });

  it('names a row altered with its own hash recomputed', () => {
    const c = chain(20);
    c[6] = rehash({ ...c[6]!, action: 'delete' });
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadSeq: 7, kind: 'altered' });
  });

  it('names a deleted row', () => {
    const c = chain(20);
    c.splice(9, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadSeq: 10, kind: 'removed' });
  });

  it('names a deleted row when later rows were renumbered to hide the gap', () => {
    const c = chain(20);
    c.splice(9, 1);
    const renumbered = c.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, firstBadSeq: 10, kind: 'removed' });
  });

  it('names two swapped rows', () => {
    const c = chain(20);
    const a = c[4]!;
    const b = c[5]!;
    c[4] = { ...b, seq: 5 };
    c[5] = { ...a, seq: 6 };
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBadSeq: 5, kind: 'reordered' });
  });

  it('names a forged row inserted in the middle', () => {
    const c = chain(20);
    const forged = rehash({ ...c[11]!, seq: 12, prevHash: c[10]!.hash, entityId: 'unit-forged' });
    const shifted = [...c.slice(0, 11), forged, ...c.slice(11).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verifyChain(shifted)).toMatchObject({ ok: false, firstBadSeq: 12, kind: 'inserted', entries: 21 });
  });
});
