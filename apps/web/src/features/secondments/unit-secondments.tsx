import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSecondment, TUnit } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { SecondmentRequestForm } from './secondment-request-form.tsx';
import { SecondmentsTable } from './secondments-table.tsx';
import { listMembersPage, listSecondments } from './secondments-api.ts';

/**
 * A unit's secondments, lent out and received (requested, active, planned, past), and the "request secondment"
 * action for users who may write the unit's roster (the member's agency is the unit's).
 */
export function UnitSecondments({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const list = useResource(`secondments:unit:${unit.id}`, (signal) => listSecondments({ unitId: unit.id }, signal));
  const mayRequest = can(session, 'personnel:write') && session.user.agency === unit.agency;
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useResource(`secondments:members:${unit.id}:${String(open)}`, (signal) =>
    open ? listMembersPage(unit.id, 0, 1000, signal) : Promise.resolve({ items: [], total: 0 }),
  );

  function changed(message: string) {
    setNotice(message);
    list.reload();
  }

  return (
    <section aria-labelledby="secondments-title" className="card">
      <h2 id="secondments-title">{t('secondments.unit.title')}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {mayRequest && !open && (
        <button type="button" className="button" onClick={() => { setOpen(true); setNotice(null); }}>{t('secondments.unit.request')}</button>
      )}
      {open && (
        <SecondmentRequestForm
          unit={unit}
          members={members.data?.items ?? []}
          onClose={() => { setOpen(false); }}
          onRequested={(s) => { setOpen(false); changed(t('secondments.unit.requested', { name: s.personName })); }}
        />
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== null && <Alert kind="error">{errorMessage(list.error)}</Alert>}
      {list.data && list.data.items.length === 0 && <p className="empty">{t('secondments.unit.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <SecondmentsTable
          items={list.data.items}
          unitId={unit.id}
          caption={t('secondments.unit.title')}
          onDecided={(s: TSecondment) => { changed(t(`secondments.decided.${s.status}`, { name: s.personName })); }}
        />
      )}
    </section>
  );
}
