import { authorize, readableLabels } from '@enlace/access';
import type { TUnitHierarchy, TUnitSummary, TUnitTreeNode } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertUnitAccess } from './unit-access.ts';
import type { HierarchyRow } from './units.repository.ts';
import { ancestorRows, findUnit, readableUnitRows, subordinateRows } from './units.repository.ts';

const summaryOf = (r: HierarchyRow): TUnitSummary => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  force: r.force,
  echelon: r.echelon,
  parentId: r.parent_id,
  homeUbigeo: r.home_ubigeo,
});

const nodeOf = (r: HierarchyRow): TUnitTreeNode => ({ ...summaryOf(r), children: [] });

/**
 * Builds a forest from rows: a row whose parent is not among them becomes a root (so a unit under an unreadable
 * parent still shows), children sorted by name.
 */
export function buildForest(rows: readonly HierarchyRow[]): TUnitTreeNode[] {
  const nodes = new Map(rows.map((r) => [r.id, nodeOf(r)]));
  const roots: TUnitTreeNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: TUnitTreeNode[]): void => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'es'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * The chain of command above a unit and the readable tree below it. Unreadable ancestors end the chain (their
 * existence does not leak); unreadable subordinates are left out and their readable children hang from the nearest
 * readable ancestor. Classified units read are audited.
 */
export async function getUnitHierarchy({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TUnitHierarchy> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const unit = await findUnit(tx, id);
    if (!unit) throw notFound();
    assertUnitAccess(actor, 'unit:read', unit);
    const readable = (r: HierarchyRow): boolean => authorize(actor, 'unit:read', r).allow;
    const ancestors: TUnitSummary[] = [];
    for (const r of await ancestorRows(tx, id)) {
      if (!readable(r)) break;
      ancestors.push(summaryOf(r));
    }
    const all = await subordinateRows(tx, id);
    const below = all.filter(readable);
    const visible = new Set(below.map((r) => r.id));
    // Reattach a readable unit whose parent is hidden to the nearest readable ancestor within the subtree.
    const byId = new Map(all.map((r) => [r.id, r]));
    const attached = below.map((r) => {
      let parent = r.parent_id;
      while (parent && parent !== id && !visible.has(parent)) parent = byId.get(parent)?.parent_id ?? null;
      return { ...r, parent_id: parent ?? id };
    });
    const tree: TUnitTreeNode = {
      id: unit.id,
      name: unit.name,
      shortName: unit.shortName,
      force: unit.force,
      echelon: unit.echelon,
      parentId: unit.parentId,
      homeUbigeo: unit.homeUbigeo,
      children: buildForest(attached).filter((n) => n.parentId === id),
    };
    for (const r of [unit, ...below]) if (AUDITED_READ.has(r.classification)) audit.record('read', 'unit', r.id);
    return {
      unit: { id: unit.id, name: unit.name, shortName: unit.shortName, force: unit.force, echelon: unit.echelon, parentId: unit.parentId, homeUbigeo: unit.homeUbigeo },
      ancestors,
      tree,
      subordinateCount: below.length,
    };
  });
  return value;
}

/** Every readable unit as a forest (roots: units without a readable parent), optionally one force only. */
export async function getUnitTree({ ctx, actor, force, exercise }: {
  ctx: AppContext;
  actor: Actor;
  force?: string | undefined;
  exercise?: boolean | undefined;
}): Promise<TUnitTreeNode[]> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const rows = await readableUnitRows(tx, readableLabels(actor, 'unit:read'), { force, exercise });
    for (const r of rows) if (AUDITED_READ.has(r.classification)) audit.record('read', 'unit', r.id);
    return buildForest(rows);
  });
  return value;
}
