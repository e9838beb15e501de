import { authorize } from '@enlace/access';
import type { Subject } from '@enlace/access';
import type { TAlert } from '@enlace/contracts';

/**
 * An alert is raised to the command posts of several agencies (its audience, e.g. the unit's service, CCFFAA and
 * the PNP): it is readable through any of them, so authorize() is asked with each as owning agency.
 */
export function canReadAlert(subject: Subject, alert: Pick<TAlert, 'agency' | 'classification' | 'audience'>): boolean {
  return [alert.agency, ...alert.audience].some(
    (agency) => authorize(subject, 'alert:read', { agency, classification: alert.classification }).allow,
  );
}

/** Acknowledging is a write by a command post of the audience: own agency in the audience, clearance enough. */
export function canAcknowledgeAlert(subject: Subject, alert: Pick<TAlert, 'agency' | 'classification' | 'audience'>): boolean {
  const ownPost = alert.agency === subject.agency || alert.audience.includes(subject.agency);
  return ownPost && authorize(subject, 'alert:write', { agency: subject.agency, classification: alert.classification }).allow;
}
