import { useTranslation } from 'react-i18next';
import type { TSecondment } from '@enlace/contracts';
import { limaToday } from '../../app/lima-time.ts';
import { can, useSession } from '../../app/session.ts';
import { UnitNameLink } from '../units/unit-name-link.tsx';
import { SecondmentDecision } from './secondment-decision.tsx';
import { secondmentActions, secondmentDirection, secondmentPhase, sortSecondments } from './secondment-view.ts';
import './secondments.css';

/**
 * Secondments as a table: the member, the lending and receiving units (or, on a unit's page, whether the unit lends
 * or receives), the period, the phase and reason, and the decision buttons the user may use.
 */
export function SecondmentsTable({ items, unitId, caption, onDecided }: {
  items: readonly TSecondment[];
  /** On a unit's page: show the direction for this unit. */
  unitId?: string | undefined;
  caption: string;
  onDecided: (s: TSecondment) => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const today = limaToday();
  const user = { username: session.user.username, agency: session.user.agency, approver: can(session, 'secondment:approve') };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('secondments.table.member')}</th>
          {unitId ? <th scope="col">{t('secondments.table.direction')}</th> : <th scope="col">{t('secondments.table.from')}</th>}
          <th scope="col">{unitId ? t('secondments.table.otherUnit') : t('secondments.table.to')}</th>
          <th scope="col">{t('secondments.table.period')}</th>
          <th scope="col">{t('secondments.table.phase')}</th>
          <th scope="col">{t('secondments.table.reason')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {sortSecondments(items, today).map((s) => {
          const direction = unitId ? secondmentDirection(s, unitId) : null;
          const phase = secondmentPhase(s, today);
          const actions = secondmentActions(s, user);
          return (
            <tr key={s.id}>
              <th scope="row" data-label={t('secondments.table.member')}>{s.personName}</th>
              {direction
                ? <td data-label={t('secondments.table.direction')}>{t(`secondments.direction.${direction}`)}</td>
                : <td data-label={t('secondments.table.from')}><UnitNameLink id={s.fromUnitId} /></td>}
              <td data-label={unitId ? t('secondments.table.otherUnit') : t('secondments.table.to')}>
                <UnitNameLink id={direction === 'in' ? s.fromUnitId : s.toUnitId} />
              </td>
              <td data-label={t('secondments.table.period')}>{t('secondments.table.periodValue', { from: s.startsOn, to: s.endsOn })}</td>
              <td data-label={t('secondments.table.phase')}>
                <span className={`badge secondment-${phase}`}>{t(`secondments.phase.${phase}`)}</span>
                <div className="small muted">
                  {t('secondments.table.requestedBy', { user: s.requestedBy })}
                  {s.decidedBy && <> · {t('secondments.table.decidedBy', { user: s.decidedBy })}</>}
                  {s.decisionRemark && <> · <q>{s.decisionRemark}</q></>}
                </div>
              </td>
              <td data-label={t('secondments.table.reason')}>{s.reason}</td>
              <td data-label={t('common.actions')}>
                <SecondmentDecision secondment={s} decide={actions.decide} cancel={actions.cancel} onDecided={onDecided} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
