import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSecondment, TSecondmentDecision } from '@enlace/contracts';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { decideSecondment } from './secondments-api.ts';

/**
 * Approve / reject (with an optional remark) for a commander who may decide, cancel for the requester. Only the buttons
 * the user may use are shown; the server's refusal, if any, is shown as it words it.
 */
export function SecondmentDecision({ secondment, decide, cancel, onDecided }: {
  secondment: TSecondment;
  decide: boolean;
  cancel: boolean;
  onDecided: (s: TSecondment) => void;
}) {
  const { t } = useTranslation();
  const [remark, setRemark] = useState('');
  const { busy, errors, send } = useSubmission();
  if (!decide && !cancel) return null;
  const act = (decision: TSecondmentDecision['decision']) =>
    send(async () => {
      onDecided(await decideSecondment(secondment.id, { decision, ...(remark.trim() ? { remark: remark.trim() } : {}) }));
    });
  const who = secondment.personName;
  return (
    <div className="secondment-decision">
      {decide && (
        <TextAreaField label={t('secondments.decision.remark')} rows={2} maxLength={2000} value={remark} onValueChange={setRemark} />
      )}
      <div className="form-actions">
        {decide && (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => { void act('approve'); }} aria-label={t('secondments.decision.approveNamed', { name: who })}>
              {t('secondments.decision.approve')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => { void act('reject'); }} aria-label={t('secondments.decision.rejectNamed', { name: who })}>
              {t('secondments.decision.reject')}
            </button>
          </>
        )}
        {cancel && (
          <button type="button" className="button button-ghost" disabled={busy} onClick={() => { void act('cancel'); }} aria-label={t('secondments.decision.cancelNamed', { name: who })}>
            {t('secondments.decision.cancel')}
          </button>
        )}
      </div>
      {errors.map((e) => <Alert key={e} kind="error">{e}</Alert>)}
    </div>
  );
}
