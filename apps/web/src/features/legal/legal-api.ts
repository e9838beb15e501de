import { z } from 'zod';
import { ZRecordLabels } from '@enlace/contracts';
import { ZInstrument, ZScenarioResult, ZTaskingResult } from '@enlace/rules';
import type { TTaskingInput } from '@enlace/rules';
import { apiRequest } from '../../app/api.ts';

const ZScenarioResults = z.object({ results: z.array(ZScenarioResult) });
/** One result per request of a scenario file. */
export type TScenarioResult = z.infer<typeof ZScenarioResult>;

/** `POST /tasking/evaluate-scenario`: evaluates a scenario file on the server without storing anything. */
export async function evaluateScenario(file: unknown): Promise<TScenarioResult[]> {
  return (await apiRequest('/tasking/evaluate-scenario', ZScenarioResults, { method: 'POST', body: file })).results;
}

/** The faults of an invalid file, as the server lists them in `error.details`. */
export const ZScenarioFaults = z.array(
  z.object({ path: z.string(), code: z.string(), message: z.object({ es: z.string(), en: z.string() }) }),
);

/** A revocation (derogation): from `revokedOn` the instrument no longer has force. */
export const ZRevocation = z.object({
  revokedOn: z.string(),
  reason: z.string(),
  revokingInstrument: z.string(),
  sourceUrl: z.string().optional(),
  revokedAt: z.string(),
  revokedBy: z.string(),
  /** Set in the browser on an extension that falls with the revoked link it extends (instrument-model.ts). */
  inheritedFrom: z.string().optional(),
});

/** An instrument as the registry holds it (the rules package's instrument plus the record labels and any revocation). */
export const ZInstrumentRecord = ZInstrument.extend({ ...ZRecordLabels.shape, revocation: ZRevocation.optional() });
export type TInstrumentRecord = z.infer<typeof ZInstrumentRecord>;

const PAGE = 1000;
const ZInstrumentPage = z.object({ items: z.array(ZInstrumentRecord), total: z.number() });

/** `GET /legal/instruments`, page after page: every instrument the user may read (a registry of a few thousand). */
export async function listAllInstruments(signal?: AbortSignal): Promise<TInstrumentRecord[]> {
  const items: TInstrumentRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await apiRequest('/legal/instruments', ZInstrumentPage, { query: { limit: PAGE, offset }, ...(signal ? { signal } : {}) });
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) return items;
  }
}

const ZRuleSetSummary = z.object({ ruleSetVersion: z.string(), thresholds: z.object({ expiryAlertDays: z.number() }) });

/** The look-ahead of expiry alerts in the rule set in force. */
export async function expiryAlertDays(signal?: AbortSignal): Promise<number> {
  const ruleSet = await apiRequest('/legal/rule-set', ZRuleSetSummary, signal ? { signal } : {});
  return ruleSet.thresholds.expiryAlertDays;
}

export const ZStoredTaskingResult = ZTaskingResult.extend({ evaluationId: z.string() });
export type TStoredTaskingResult = z.infer<typeof ZStoredTaskingResult>;

/** `POST /tasking/evaluate`: decides one request against the registry, the rule set and the protocols in force (stored and audited). */
export async function evaluateTaskingRequest(input: TTaskingInput): Promise<TStoredTaskingResult> {
  return apiRequest('/tasking/evaluate', ZStoredTaskingResult, { method: 'POST', body: input });
}
