import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { listAudit } from './audit-api.ts';
import { AuditTable } from './audit-table.tsx';
import { AuditVerifyPanel } from './audit-verify-panel.tsx';

const PAGE_SIZE = 100;

/** The audit trail, newest first, with "load more" and (when permitted) chain verification. */
export function AuditPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const first = useResource('audit:first', (signal) => listAudit({ limit: PAGE_SIZE }, signal));
  const [older, setOlder] = useState<TAuditEntry[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  const entries = [...(first.data?.items ?? []), ...older];
  const lastSeq = entries.at(-1)?.seq;

  const loadMore = async (): Promise<void> => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await listAudit({ limit: PAGE_SIZE, beforeSeq: lastSeq });
      setOlder((previous) => [...previous, ...page.items]);
      setExhausted(page.items.length < PAGE_SIZE);
    } catch (cause) {
      setMoreError(errorMessage(cause));
    } finally {
      setLoadingMore(false);
    }
  };

  const canLoadMore = !exhausted && (first.data?.items.length ?? 0) >= PAGE_SIZE && lastSeq !== undefined && lastSeq > 1;
  return (
    <section>
      <PageHeader title={t('audit.title')}>
        <p className="muted">{t('audit.intro')}</p>
      </PageHeader>
      {can(session, 'audit:verify') && <AuditVerifyPanel />}
      {first.error !== null && <Alert kind="error">{errorMessage(first.error)}</Alert>}
      {first.loading && !first.data && <Loading />}
      {first.data && <AuditTable entries={entries} />}
      {moreError && <Alert kind="error">{moreError}</Alert>}
      {canLoadMore && (
        <div className="pager">
          <button type="button" className="button" disabled={loadingMore} onClick={() => { void loadMore(); }}>
            {loadingMore ? t('app.loading') : t('common.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
