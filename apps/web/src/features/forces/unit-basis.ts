import { ZUnitUpdate, type TUnit, type TUnitUpdate } from '@enlace/contracts';
import { OVERRIDE_REMARK_MIN } from '@enlace/rules';

/**
 * The form of what a unit's readiness is judged against, as typed: the authorized strength (text; empty: the roster),
 * whether it states its own task types and which, and the directed resource action with its remark.
 */
export interface UnitBasisDraft {
  authorizedStrength: string;
  ownTasks: boolean;
  tasks: string[];
  directed: boolean;
  remark: string;
}

export function basisDraftOf(unit: Pick<TUnit, 'authorizedStrength' | 'missionTasks' | 'directedResourceAction' | 'directedResourceRemark'>): UnitBasisDraft {
  return {
    authorizedStrength: unit.authorizedStrength === null ? '' : String(unit.authorizedStrength),
    ownTasks: unit.missionTasks !== null,
    tasks: unit.missionTasks ?? [],
    directed: unit.directedResourceAction,
    remark: unit.directedResourceRemark ?? '',
  };
}

/** Which field is wrong, as a translation key under `forces.basis.errors`. */
export type TBasisError = 'strength' | 'tasks' | 'remark';

/** The PATCH body of a draft, or what is wrong with it (checked again by the server). */
export function checkBasisDraft(d: UnitBasisDraft): { ok: true; value: TUnitUpdate } | { ok: false; errors: TBasisError[] } {
  const errors: TBasisError[] = [];
  const text = d.authorizedStrength.trim();
  const strength = text === '' ? null : /^\d+$/.test(text) ? Number(text) : NaN;
  if (strength !== null && !(Number.isInteger(strength) && strength >= 1 && strength <= 100_000)) errors.push('strength');
  if (d.ownTasks && d.tasks.length === 0) errors.push('tasks');
  if (d.directed && d.remark.trim().length < OVERRIDE_REMARK_MIN) errors.push('remark');
  if (errors.length > 0) return { ok: false, errors };
  const parsed = ZUnitUpdate.safeParse({
    authorizedStrength: strength,
    missionTasks: d.ownTasks ? d.tasks : null,
    directedResourceAction: d.directed,
    directedResourceRemark: d.directed ? d.remark.trim() : null,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: ['strength'] };
}
