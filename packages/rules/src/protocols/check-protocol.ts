import type { TEquipmentCategory, TForceGroup, TTask, TTrainingArea } from '../codes.ts';
import { LETHAL_WEAPONS } from '../codes.ts';
import { dateOf } from '../dates.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';
import type { TMember, TUnitEquipment } from '../tasking/tasking.schema.ts';
import type { TProtocolInForce } from './protocol.schema.ts';

/** The protocols in force that govern a task for a force: the PNP version for a PNP unit, the FF.AA. one otherwise. */
export function protocolsForTask(protocols: readonly TProtocolInForce[], task: TTask, group: TForceGroup): TProtocolInForce[] {
  return protocols.filter((p) => p.force === group && p.tasks.includes(task));
}

const labelOf = (p: TProtocolInForce): string => `${p.procedure} ${p.force} v${p.version}`;

/**
 * The tasking evaluator's use of the joint protocols in force (issue 3 item 6). With no protocol for the task and
 * force: PROTOCOL_NOT_IN_FORCE. Otherwise PROTOCOL_APPLIED names them, and when the members are listed each
 * protocol's requirements are checked: training (the protocol's and its steps', beyond what the rule set already
 * requires) current through the last day, equipment for every member (PER_MEMBER, the unit's pool making up for
 * members who lack it) or in number for the unit (PER_UNIT, and one of each item a step needs), and no lethal weapon
 * when no step reaches lethal force.
 */
export function checkProtocols(
  input: { readonly task: TTask; readonly members: readonly TMember[]; readonly equipment: readonly TUnitEquipment[] },
  protocols: readonly TProtocolInForce[],
  options: { readonly group: TForceGroup; readonly asOfDay: number; readonly lastDay: number; readonly alreadyRequired: readonly TTrainingArea[]; readonly ruleSet: TRuleSet },
): TFinding[] {
  const { ruleSet } = options;
  const applied = protocolsForTask(protocols, input.task, options.group);
  if (applied.length === 0) return [makeFinding(ruleSet, 'PROTOCOL_NOT_IN_FORCE', { task: input.task, force: options.group === 'PNP' ? 'PNP' : 'FF.AA.' })];
  const findings: TFinding[] = [makeFinding(ruleSet, 'PROTOCOL_APPLIED', { protocols: applied.map(labelOf) })];
  const members = input.members;
  if (members.length === 0) return findings;

  const needed = dateOf(Math.max(options.asOfDay, options.lastDay));
  const pool = (category: TEquipmentCategory): number =>
    input.equipment.filter((e) => e.category === category).reduce((sum, e) => sum + e.quantity, 0);
  const carried = (category: TEquipmentCategory): number => members.filter((m) => m.equipment.includes(category)).length;

  for (const p of applied) {
    const protocol = labelOf(p);
    const training = new Set<TTrainingArea>([...p.training, ...p.steps.flatMap((s) => s.training)]);
    for (const area of training) {
      if (options.alreadyRequired.includes(area)) continue;
      const lacking = members
        .filter((m) => !m.trainings.some((t) => t.area === area && t.validUntil >= needed))
        .map((m) => m.id);
      if (lacking.length > 0) findings.push(makeFinding(ruleSet, 'PROTOCOL_TRAINING_MISSING', { protocol, area, members: lacking, count: lacking.length }));
    }
    const perUnit = new Map<TEquipmentCategory, number>();
    for (const s of p.steps) for (const c of s.equipment) perUnit.set(c, Math.max(perUnit.get(c) ?? 0, 1));
    for (const e of p.equipment) {
      if (e.scope === 'PER_UNIT') perUnit.set(e.category, Math.max(perUnit.get(e.category) ?? 0, e.quantity));
      else {
        const lacking = members.filter((m) => !m.equipment.includes(e.category)).map((m) => m.id).slice(pool(e.category));
        if (lacking.length > 0) {
          findings.push(makeFinding(ruleSet, 'PROTOCOL_EQUIPMENT_MISSING', {
            protocol,
            item: e.category,
            required: members.length,
            available: members.length - lacking.length,
            members: lacking,
          }));
        }
      }
    }
    for (const [category, required] of perUnit) {
      const available = carried(category) + pool(category);
      if (available < required) findings.push(makeFinding(ruleSet, 'PROTOCOL_EQUIPMENT_MISSING', { protocol, item: category, required, available, members: [] }));
    }
  }
  const lethalAllowed = applied.some((p) => p.steps.some((s) => s.maxForceLevel === 6));
  const armed = members.filter((m) => m.equipment.some((c) => LETHAL_WEAPONS.includes(c))).length + LETHAL_WEAPONS.reduce((n, c) => n + pool(c), 0);
  if (!lethalAllowed && armed > 0) findings.push(makeFinding(ruleSet, 'PROTOCOL_LETHAL_NOT_PROVIDED', { armed, protocols: applied.map(labelOf) }));
  return findings;
}
