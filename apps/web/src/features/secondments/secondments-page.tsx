import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSecondment } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SecondmentsTable } from './secondments-table.tsx';
import { listSecondments } from './secondments-api.ts';
import { secondmentActions } from './secondment-view.ts';

/**
 * The secondment requests waiting for a decision: those the user may approve or reject (a commander of the lending
 * agency other than the requester) first, then the user's own requests, which they may cancel.
 */
export function SecondmentsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const pending = useResource('secondments:requested', (signal) => listSecondments({ status: 'requested' }, signal));
  const [notice, setNotice] = useState<string | null>(null);
  const user = { username: session.user.username, agency: session.user.agency, approver: can(session, 'secondment:approve') };
  const items = pending.data?.items ?? [];
  const toDecide = items.filter((s) => secondmentActions(s, user).decide);
  const mine = items.filter((s) => !secondmentActions(s, user).decide && s.requestedBy === user.username);
  const decided = (s: TSecondment) => {
    setNotice(t(`secondments.decided.${s.status}`, { name: s.personName }));
    pending.reload();
  };

  return (
    <section>
      <PageHeader title={t('secondments.page.title')}>
        <p className="muted">{t('secondments.page.intro')}</p>
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {pending.loading && !pending.data && <Loading />}
      {pending.error !== null && <Alert kind="error">{errorMessage(pending.error)}</Alert>}
      {pending.data && (
        <>
          <section aria-labelledby="to-decide-title" className="card">
            <h2 id="to-decide-title">{t('secondments.page.toDecide', { count: toDecide.length })}</h2>
            {toDecide.length === 0
              ? <p className="empty">{t(user.approver ? 'secondments.page.noneToDecide' : 'secondments.page.notApprover')}</p>
              : <SecondmentsTable items={toDecide} caption={t('secondments.page.toDecide', { count: toDecide.length })} onDecided={decided} />}
          </section>
          {mine.length > 0 && (
            <section aria-labelledby="mine-title" className="card">
              <h2 id="mine-title">{t('secondments.page.mine', { count: mine.length })}</h2>
              <SecondmentsTable items={mine} caption={t('secondments.page.mine', { count: mine.length })} onDecided={decided} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
