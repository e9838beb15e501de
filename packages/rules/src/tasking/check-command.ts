import { SCENARIO_SHORT } from '../codes.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TEffectiveInstrument } from '../instruments/index-instruments.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';

/**
 * Condition 2, command. S3/S4: the PNP keeps control and the task needs a named PNP coordinating authority (a
 * blocking finding without one). S1/S2: control passes to a Comando Operacional designated by the CCFFAA on a
 * presidential order, which the scenario format cannot express: a warning asks for it to be verified.
 */
export function checkCommand(
  bases: readonly TEffectiveInstrument[],
  pnpCoordinator: string | undefined,
  ruleSet: TRuleSet,
): TFinding[] {
  const findings: TFinding[] = [];
  const pnpControl = bases.filter((b) => b.controlAuthority === 'PNP');
  const coordinator = pnpCoordinator?.trim() ?? '';
  if (pnpControl.length > 0 && coordinator === '') {
    const scenarios = [...new Set(pnpControl.map((b) => (b.scenario ? SCENARIO_SHORT[b.scenario] : '?')))];
    findings.push(
      makeFinding(ruleSet, 'PNP_COORDINATOR_MISSING', { scenario: scenarios.join('/'), instruments: pnpControl.map((b) => b.id) }),
    );
  }
  const ffaaControl = bases.filter((b) => b.controlAuthority === 'FFAA');
  if (ffaaControl.length > 0) {
    findings.push(makeFinding(ruleSet, 'FFAA_CONTROL_ORDER_UNVERIFIED', { instruments: ffaaControl.map((b) => b.id) }));
  }
  return findings;
}
