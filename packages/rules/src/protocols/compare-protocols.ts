import type { TLocalizedText } from '../rule-set/rule-set.schema.ts';
import type { TProtocolDraft, TProtocolEquipment, TProtocolStep } from './protocol.schema.ts';

/** A changed field of a step or of the protocol: a value replaced, or items of a list added and removed. */
export type TFieldChange =
  | { readonly field: 'title' | 'description'; readonly left: TLocalizedText | null; readonly right: TLocalizedText | null }
  | { readonly field: 'maxForceLevel'; readonly left: number; readonly right: number }
  | { readonly field: 'equipment' | 'training' | 'tasks' | 'legalRefs'; readonly added: string[]; readonly removed: string[] };

/**
 * One row of the side-by-side view. `same`: the step is in both, unchanged; `reworded`: only its wording differs (as
 * between the PNP and FF.AA. texts of one step); `changed`: its force level, equipment or training differ;
 * `only_left` / `only_right`: in one protocol only. `moved` marks a step both have at a different place in the order.
 */
export interface TStepComparison {
  readonly code: string;
  readonly status: 'same' | 'reworded' | 'changed' | 'only_left' | 'only_right';
  readonly moved: boolean;
  /** 1-based position in each protocol, null where the step is absent. */
  readonly leftPosition: number | null;
  readonly rightPosition: number | null;
  readonly left: TProtocolStep | null;
  readonly right: TProtocolStep | null;
  readonly changes: TFieldChange[];
}

export interface TProtocolComparison {
  /** Differences of the protocol as a whole (title, tasks, equipment, training, legal references). */
  readonly header: TFieldChange[];
  readonly steps: TStepComparison[];
  readonly summary: {
    readonly same: number;
    readonly reworded: number;
    readonly changed: number;
    readonly onlyLeft: number;
    readonly onlyRight: number;
    readonly moved: number;
    /** The highest force level any step reaches, in each protocol. */
    readonly maxForceLevel: { readonly left: number; readonly right: number };
  };
}

type TComparable = Pick<TProtocolDraft, 'title' | 'tasks' | 'steps' | 'equipment' | 'training' | 'legalRefs'>;

const sameText = (a: TLocalizedText | undefined, b: TLocalizedText | undefined): boolean => a?.es === b?.es && a?.en === b?.en;

function listChange(field: 'equipment' | 'training' | 'tasks' | 'legalRefs', left: readonly string[], right: readonly string[]): TFieldChange[] {
  const l = new Set(left);
  const r = new Set(right);
  const added = [...r].filter((x) => !l.has(x)).sort();
  const removed = [...l].filter((x) => !r.has(x)).sort();
  return added.length + removed.length > 0 ? [{ field, added, removed }] : [];
}

const equipmentKey = (e: TProtocolEquipment): string => `${e.category}×${e.quantity} ${e.scope === 'PER_MEMBER' ? 'c/u' : 'unidad'}`;

function stepChanges(a: TProtocolStep, b: TProtocolStep): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (!sameText(a.title, b.title)) changes.push({ field: 'title', left: a.title, right: b.title });
  if (!sameText(a.description, b.description)) changes.push({ field: 'description', left: a.description ?? null, right: b.description ?? null });
  if (a.maxForceLevel !== b.maxForceLevel) changes.push({ field: 'maxForceLevel', left: a.maxForceLevel, right: b.maxForceLevel });
  changes.push(...listChange('equipment', a.equipment, b.equipment), ...listChange('training', a.training, b.training));
  return changes;
}

/** The codes of the longest common subsequence of two code lists (steps kept in the same relative order). */
function longestCommonOrder(left: readonly string[], right: readonly string[]): Set<string> {
  const n = left.length;
  const m = right.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = left[i] === right[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (left[i] === right[j]) {
      kept.add(left[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/**
 * Compares two protocols step by step, typically the PNP and the FF.AA. versions of one procedure, or two versions
 * of one. Steps are matched by code; the rows follow both orders (a step present in both but out of order is shown
 * at its place on the right, marked `moved`). Pure and symmetric up to swapping left and right.
 */
export function compareProtocols(left: TComparable, right: TComparable): TProtocolComparison {
  const header: TFieldChange[] = [];
  if (!sameText(left.title, right.title)) header.push({ field: 'title', left: left.title, right: right.title });
  header.push(
    ...listChange('tasks', left.tasks, right.tasks),
    ...listChange('equipment', left.equipment.map(equipmentKey), right.equipment.map(equipmentKey)),
    ...listChange('training', left.training, right.training),
    ...listChange('legalRefs', left.legalRefs, right.legalRefs),
  );

  const leftCodes = left.steps.map((s) => s.code);
  const rightCodes = right.steps.map((s) => s.code);
  const leftByCode = new Map(left.steps.map((s, i) => [s.code, { step: s, position: i + 1 }]));
  const common = new Set(rightCodes.filter((c) => leftByCode.has(c)));
  const ordered = longestCommonOrder(leftCodes.filter((c) => common.has(c)), rightCodes.filter((c) => common.has(c)));

  const rows: TStepComparison[] = [];
  const pair = (code: string, rightIndex: number, moved: boolean): TStepComparison => {
    const l = leftByCode.get(code)!;
    const r = right.steps[rightIndex]!;
    const changes = stepChanges(l.step, r);
    const substantive = changes.some((c) => c.field !== 'title' && c.field !== 'description');
    const status = substantive ? 'changed' : changes.length > 0 ? 'reworded' : 'same';
    return { code, status, moved, leftPosition: l.position, rightPosition: rightIndex + 1, left: l.step, right: r, changes };
  };
  let i = 0;
  let j = 0;
  while (i < leftCodes.length || j < rightCodes.length) {
    const lc = leftCodes[i];
    const rc = rightCodes[j];
    if (lc !== undefined && !common.has(lc)) {
      rows.push({ code: lc, status: 'only_left', moved: false, leftPosition: i + 1, rightPosition: null, left: left.steps[i]!, right: null, changes: [] });
      i++;
    } else if (lc !== undefined && !ordered.has(lc)) {
      i++; // shown at its place on the right, as moved
    } else if (rc !== undefined && !common.has(rc)) {
      rows.push({ code: rc, status: 'only_right', moved: false, leftPosition: null, rightPosition: j + 1, left: null, right: right.steps[j]!, changes: [] });
      j++;
    } else if (rc !== undefined && !ordered.has(rc)) {
      rows.push(pair(rc, j, true));
      j++;
    } else if (rc !== undefined) {
      // Both point at the same step of the common order.
      rows.push(pair(rc, j, false));
      i++;
      j++;
    } else {
      i++;
    }
  }

  const count = (status: TStepComparison['status']): number => rows.filter((r) => r.status === status).length;
  const top = (steps: readonly TProtocolStep[]): number => steps.reduce((max, s) => Math.max(max, s.maxForceLevel), 0);
  return {
    header,
    steps: rows,
    summary: {
      same: count('same'),
      reworded: count('reworded'),
      changed: count('changed'),
      onlyLeft: count('only_left'),
      onlyRight: count('only_right'),
      moved: rows.filter((r) => r.moved).length,
      maxForceLevel: { left: top(left.steps), right: top(right.steps) },
    },
  };
}
