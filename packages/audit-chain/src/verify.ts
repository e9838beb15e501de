import type { ChainEntry } from './canonical.ts';
import { GENESIS_HASH, entryHash } from './canonical.ts';
import type { Checkpoint } from './checkpoint.ts';
import { checkpointHashAt } from './checkpoint.ts';

export type FailureKind = 'altered' | 'removed' | 'inserted' | 'reordered' | 'truncated' | 'rewritten' | 'checkpoint_invalid';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  kind: FailureKind | null;
}

export interface VerifierOptions {
  /** Checkpoints whose signatures were already checked, any order. */
  readonly checkpoints?: readonly Checkpoint[];
  /** Seq of a checkpoint whose signature failed, if any. */
  readonly invalidCheckpointSeq?: number | null;
}

interface Finding {
  seq: number;
  kind: FailureKind;
}

/**
 * Recomputes the hash chain entry by entry (fed in seq order, in pages of any size) and names the first
 * altered, removed, inserted, reordered, truncated or rewritten entry. Pure: the caller streams rows in.
 */
export class ChainVerifier {
  private count = 0;
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private lastGoodSeq = 0;
  private finding: Finding | null = null;
  /** An anomaly that needs the next entry to be classified (a row that belongs one place later). */
  private pendingShift: { seq: number } | null = null;
  private readonly checkpoints: Checkpoint[];
  private cpIndex = 0;
  private checkpointFinding: Finding | null = null;

  constructor(private readonly options: VerifierOptions = {}) {
    this.checkpoints = [...(options.checkpoints ?? [])].sort((a, b) => a.fromSeq - b.fromSeq);
  }

  /** Feeds the next entry, in seq order. */
  push(e: ChainEntry): void {
    this.count++;
    this.compareCheckpoint(e);
    if (this.finding) return;
    if (this.pendingShift) {
      // The previous row carried the hash of the row after it: a swap if this row belongs one earlier.
      const swapped = entryHash(e, e.seq - 1) === e.hash;
      this.finding = { seq: this.pendingShift.seq, kind: swapped ? 'reordered' : 'removed' };
      this.pendingShift = null;
      return;
    }
    if (e.seq !== this.expectedSeq) {
      this.finding = { seq: this.expectedSeq, kind: e.seq > this.expectedSeq ? 'removed' : 'reordered' };
      return;
    }
    const selfOk = entryHash(e) === e.hash;
    if (selfOk && e.prevHash === this.prevHash) {
      this.prevHash = e.hash;
      this.lastGoodSeq = e.seq;
      this.expectedSeq = e.seq + 1;
      return;
    }
    if (selfOk) {
      // This row is intact but does not link: the row before it was rewritten with a recomputed hash.
      this.finding = { seq: Math.max(1, e.seq - 1), kind: 'altered' };
      return;
    }
    if (entryHash(e, e.seq - 1) === e.hash) {
      this.finding = { seq: Math.max(1, e.seq - 1), kind: 'inserted' };
      return;
    }
    if (entryHash(e, e.seq + 1) === e.hash) {
      this.pendingShift = { seq: e.seq };
      return;
    }
    this.finding = { seq: e.seq, kind: 'altered' };
  }

  private compareCheckpoint(e: ChainEntry): void {
    if (this.checkpointFinding) return;
    while (this.cpIndex < this.checkpoints.length && this.checkpoints[this.cpIndex]!.toSeq < e.seq) this.cpIndex++;
    const cp = this.checkpoints[this.cpIndex];
    if (!cp) return;
    const expected = checkpointHashAt(cp, e.seq);
    if (expected !== undefined && expected !== e.hash) this.checkpointFinding = { seq: e.seq, kind: 'rewritten' };
  }

  /** Closes the run: the chain must reach the newest checkpointed seq. */
  finish(): VerifyResult {
    const findings: Finding[] = [];
    if (this.pendingShift) findings.push({ seq: this.pendingShift.seq, kind: 'removed' });
    if (this.finding) findings.push(this.finding);
    if (this.checkpointFinding) findings.push(this.checkpointFinding);
    const newestSigned = this.checkpoints.reduce((m, c) => Math.max(m, c.toSeq), 0);
    const lastSeq = this.finding || this.pendingShift ? null : this.lastGoodSeq;
    if (lastSeq !== null && newestSigned > lastSeq) findings.push({ seq: lastSeq + 1, kind: 'truncated' });
    if (this.options.invalidCheckpointSeq != null) {
      findings.push({ seq: this.options.invalidCheckpointSeq, kind: 'checkpoint_invalid' });
    }
    if (findings.length === 0) return { ok: true, entries: this.count, firstBadSeq: null, kind: null };
    // Structural findings come from the rows themselves; prefer them when two name the same seq.
    findings.sort((a, b) => a.seq - b.seq);
    const first = findings[0]!;
    return { ok: false, entries: this.count, firstBadSeq: first.seq, kind: first.kind };
  }
}

/** Verifies a whole chain held in memory. */
export function verifyChain(entries: Iterable<ChainEntry>, options: VerifierOptions = {}): VerifyResult {
  const v = new ChainVerifier(options);
  for (const e of entries) v.push(e);
  return v.finish();
}
