import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditVerifyResult } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { verifyAudit } from './audit-api.ts';

/** "Verify chain" button and its outcome: intact (entries checked) or the first bad sequence and the kind of break. */
export function AuditVerifyPanel() {
  const { t } = useTranslation();
  const [result, setResult] = useState<TAuditVerifyResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await verifyAudit());
    } catch (cause) {
      setResult(null);
      setFailure(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const kind = result?.kind ?? 'unknown';
  return (
    <div className="card verify-panel">
      <button type="button" className="button button-primary" disabled={busy} onClick={() => { void verify(); }}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div className="verify-result">
        {failure && <Alert kind="error">{failure}</Alert>}
        {result?.ok === true && <Alert kind="success">{t('audit.ok', { count: result.entries })}</Alert>}
        {result?.ok === false && (
          <Alert kind="error">
            {result.firstBadSeq === null
              ? t('audit.badNoSeq', { kind: t(`audit.kind.${kind}`) })
              : t('audit.bad', { seq: result.firstBadSeq, kind: t(`audit.kind.${kind}`) })}
          </Alert>
        )}
        {result && (
          <p className="muted small">
            {result.checkpoint
              ? t('audit.checkpoint', { seq: result.checkpoint.seq, at: formatDateTime(result.checkpoint.signedAt) })
              : t('audit.noCheckpoint')}
          </p>
        )}
      </div>
    </div>
  );
}
