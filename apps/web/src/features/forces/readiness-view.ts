import { ZGapItem, type TGapItem, type TReadinessPillar } from '@enlace/rules';
import type { TCLevel, TRegionReadinessRow, TUnitReadiness } from '@enlace/contracts';

/**
 * Pure helpers of the readiness screens: reading stored results (whose pillars and gaps are open objects), grouping
 * gaps for people, and aggregating the national rows per department for the map.
 */

export const PILLAR_ORDER: readonly TReadinessPillar[] = ['P', 'S', 'R', 'T'];

/** Colour of a level 1-5: green, light green, amber, red, grey (directed resource action). */
export const LEVEL_COLORS: Readonly<Record<number, string>> = {
  1: '#1e7b34',
  2: '#7cb342',
  3: '#f0a202',
  4: '#c62828',
  5: '#6b7280',
};

export const levelNumber = (level: TCLevel): number => Number(level.slice(1));

/** A pillar of a stored readiness: its level and share (0-1), whichever name the share is stored under. */
export function pillarOf(r: TUnitReadiness, pillar: TReadinessPillar): { level: number; share: number | null; numerator: number | null; denominator: number | null } {
  const p = r.pillars[pillar] as Record<string, unknown> | undefined;
  if (!p) return { level: 4, share: null, numerator: null, denominator: null };
  const num = (key: string): number | null => (typeof p[key] === 'number' ? p[key] : null);
  return { level: num('level') ?? 4, share: num('share') ?? num('ratio'), numerator: num('numerator'), denominator: num('denominator') };
}

/**
 * Gaps the screen understands (the shapes of @enlace/rules), the member names the server added to them (only for
 * members the reader may see) and how many gaps it could not read.
 */
export function parseGaps(gaps: readonly unknown[]): { items: TGapItem[]; names: Map<string, string>; unreadable: number } {
  const items: TGapItem[] = [];
  const names = new Map<string, string>();
  let unreadable = 0;
  for (const gap of gaps) {
    const parsed = ZGapItem.safeParse(gap);
    if (!parsed.success) {
      unreadable++;
      continue;
    }
    items.push(parsed.data);
    const name = (gap as { memberName?: unknown }).memberName;
    if (parsed.data.kind === 'COURSES' && typeof name === 'string') names.set(parsed.data.memberId, name);
  }
  return { items, names, unreadable };
}

/** One member's courses to take, merged over P and every MET that needs them. */
export interface TMemberCourses {
  memberId: string;
  courses: string[];
  /** METs the courses serve (null = P). */
  tasks: (string | null)[];
}

/** The course gaps per member (one row per member), members with the most courses first. */
export function coursesByMember(items: readonly TGapItem[]): TMemberCourses[] {
  const byMember = new Map<string, TMemberCourses>();
  for (const item of items) {
    if (item.kind !== 'COURSES') continue;
    const row = byMember.get(item.memberId) ?? { memberId: item.memberId, courses: [], tasks: [] };
    for (const c of item.courses) if (!row.courses.includes(c)) row.courses.push(c);
    if (!row.tasks.includes(item.task)) row.tasks.push(item.task);
    byMember.set(item.memberId, row);
  }
  return [...byMember.values()].sort((a, b) => b.courses.length - a.courses.length || a.memberId.localeCompare(b.memberId));
}

/** Per department (all forces together): units, units per level, members and qualified members. */
export interface TDepartmentReadiness {
  department: string;
  departmentName: string;
  units: number;
  byLevel: Record<TCLevel, number>;
  /** Units never computed ("sin datos"): counted in `units`, at no level. */
  withoutResult: number;
  /** The oldest and newest stored computation (ISO times), null without any. */
  oldestComputedAt: string | null;
  newestComputedAt: string | null;
  members: number;
  qualifiedMembers: number;
  /** Units at C1 or C2 over the units with a result (null without any). */
  readyShare: number | null;
  /** The level most units are at (ties: the worse); null without units. */
  typicalLevel: number | null;
}

const C_LEVELS: readonly TCLevel[] = ['C1', 'C2', 'C3', 'C4', 'C5'];

/** The earlier / later of two ISO times, either possibly null. */
export const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a <= b ? a : b);
export const latest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

export function byDepartment(rows: readonly TRegionReadinessRow[]): TDepartmentReadiness[] {
  const out = new Map<string, TDepartmentReadiness>();
  for (const row of rows) {
    const d = out.get(row.department) ?? {
      department: row.department,
      departmentName: row.departmentName,
      units: 0,
      byLevel: { C1: 0, C2: 0, C3: 0, C4: 0, C5: 0 },
      withoutResult: 0,
      oldestComputedAt: null,
      newestComputedAt: null,
      members: 0,
      qualifiedMembers: 0,
      readyShare: null,
      typicalLevel: null,
    };
    d.units += row.units;
    d.withoutResult += row.withoutResult;
    d.oldestComputedAt = earliest(d.oldestComputedAt, row.oldestComputedAt);
    d.newestComputedAt = latest(d.newestComputedAt, row.newestComputedAt);
    d.members += row.members;
    d.qualifiedMembers += row.qualifiedMembers;
    for (const level of C_LEVELS) d.byLevel[level] += row.byLevel[level] ?? 0;
    out.set(row.department, d);
  }
  for (const d of out.values()) {
    const rated = d.units - d.withoutResult;
    if (rated <= 0) continue;
    d.readyShare = (d.byLevel.C1 + d.byLevel.C2) / rated;
    let best = 0;
    C_LEVELS.forEach((level, i) => {
      if (d.byLevel[level] >= best && d.byLevel[level] > 0) {
        best = d.byLevel[level];
        d.typicalLevel = i + 1;
      }
    });
  }
  return [...out.values()].sort((a, b) => a.department.localeCompare(b.department));
}

/** A share as a whole percentage ("87 %"), or a dash. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`);
