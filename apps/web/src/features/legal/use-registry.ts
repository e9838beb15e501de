import { useResource, type Resource } from '../../app/use-resource.ts';
import { withChainRevocations } from './instrument-model.ts';
import { expiryAlertDays, listAllInstruments, type TInstrumentRecord } from './legal-api.ts';

/**
 * The instruments the user may read (revocations carried down extension chains) and the rule set's expiry look-ahead,
 * loaded together for the registry screens.
 */
export function useRegistry(): Resource<{ instruments: TInstrumentRecord[]; alertDays: number }> {
  return useResource('legal-registry', async (signal) => {
    const [instruments, alertDays] = await Promise.all([listAllInstruments(signal), expiryAlertDays(signal)]);
    return { instruments: withChainRevocations(instruments), alertDays };
  });
}
