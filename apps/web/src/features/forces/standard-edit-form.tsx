import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { READINESS_PILLARS, STANDARD_ERROR_CODES } from '@enlace/rules';
import type { TReadinessPillar, TReadinessStandard, TStandardIssue } from '@enlace/rules';
import { ApiError, errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { createStandardVersion } from './forces-api.ts';
import { checkDraft, draftOf, fieldOf, issueKey, type ThresholdDraft } from './standard-form.ts';

/** Problems as the server lists them in an error's details (the same codes as the browser's check). */
const serverIssues = (cause: unknown): TStandardIssue[] =>
  cause instanceof ApiError && Array.isArray(cause.details) ? (cause.details as TStandardIssue[]).filter((d) => STANDARD_ERROR_CODES.includes(d.code)) : [];

/**
 * An admin's new version of the thresholds: level boundaries per pillar, the lethal share, the MET thresholds. The
 * same validation as the server's names each wrong field before anything is sent; the server checks again, stores
 * and audits the version, and every later computation uses it.
 */
export function StandardEditForm({ inForce, onSaved }: { inForce: TReadinessStandard; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ThresholdDraft>(() => draftOf(inForce));
  const [issues, setIssues] = useState<readonly TStandardIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const errorOf = (field: string): string | undefined => {
    const found = issues.filter((i) => fieldOf(i.path) === field);
    return found.length > 0 ? [...new Set(found.map((i) => t(issueKey(i.code))))].join(' ') : undefined;
  };
  const setLevel = (p: TReadinessPillar, i: number, v: string) => {
    setDraft((d) => ({ ...d, levels: { ...d.levels, [p]: d.levels[p].map((x, j) => (j === i ? v : x)) as [string, string, string] } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const check = checkDraft(inForce, draft);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    setSaving(true);
    try {
      const version = await createStandardVersion(check.standard, draft.remark);
      setSaved(version.version);
      setDraft({ ...draftOf(version.standard), version: '' });
      onSaved();
    } catch (cause) {
      setIssues(serverIssues(cause));
      setFailure(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  }

  const unplaced = issues.filter((i) => !['version', 'lethal.maxShare', 'mets.trainedShare', 'mets.rating'].includes(fieldOf(i.path)) && !fieldOf(i.path).startsWith('levels.'));
  return (
    <form className="card standard-edit" onSubmit={(e) => { void submit(e); }} noValidate aria-labelledby="standard-edit-title">
      <h2 id="standard-edit-title">{t('forces.standard.editTitle')}</h2>
      <p className="small muted">{t('forces.standard.editHint')}</p>
      {issues.length > 0 && <Alert kind="error">{t('forces.standard.fixErrors')}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      {saved && <Alert kind="success">{t('forces.standard.saved', { version: saved })}</Alert>}
      <TextField
        label={t('forces.standard.newVersion')}
        value={draft.version}
        maxLength={64}
        required
        error={errorOf('version')}
        onValueChange={(v) => { setDraft((d) => ({ ...d, version: v })); }}
      />
      {READINESS_PILLARS.map((p) => (
        <fieldset key={p} className="standard-levels" aria-invalid={errorOf(`levels.${p}`) ? true : undefined}>
          <legend>{t(`forces.standard.pillarName.${p}`)}</legend>
          {[0, 1, 2].map((i) => (
            <TextField
              key={i}
              label={`${t('forces.standard.levelAtLeast', { level: i + 1 })} (%)`}
              value={draft.levels[p][i] ?? ''}
              inputMode="decimal"
              onValueChange={(v) => { setLevel(p, i, v); }}
            />
          ))}
          {errorOf(`levels.${p}`) && <p className="field-error" role="alert">{errorOf(`levels.${p}`)}</p>}
        </fieldset>
      ))}
      <TextField label={t('forces.standard.lethalMaxShare')} hint={t('forces.standard.percentHint')} value={draft.lethalMaxShare} inputMode="decimal"
        error={errorOf('lethal.maxShare')} onValueChange={(v) => { setDraft((d) => ({ ...d, lethalMaxShare: v })); }} />
      <TextField label={t('forces.standard.trainedShare')} value={draft.trainedShare} inputMode="decimal"
        error={errorOf('mets.trainedShare')} onValueChange={(v) => { setDraft((d) => ({ ...d, trainedShare: v })); }} />
      <TextField label={t('forces.standard.ratingYes')} value={draft.ratingYes} inputMode="decimal"
        onValueChange={(v) => { setDraft((d) => ({ ...d, ratingYes: v })); }} />
      <TextField label={t('forces.standard.ratingQualified')} value={draft.ratingQualified} inputMode="decimal"
        error={errorOf('mets.rating')} onValueChange={(v) => { setDraft((d) => ({ ...d, ratingQualified: v })); }} />
      <div className="field">
        <label htmlFor="standard-remark">{t('forces.standard.remarkLabel')}</label>
        <textarea id="standard-remark" rows={2} maxLength={2000} value={draft.remark} onChange={(e) => { setDraft((d) => ({ ...d, remark: e.target.value })); }} />
      </div>
      {unplaced.length > 0 && (
        <ul className="field-error">
          {unplaced.map((i) => <li key={`${i.code}-${i.path}`}><code>{i.path}</code>: {t(issueKey(i.code))}</li>)}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : t('forces.standard.submit')}
        </button>
      </div>
    </form>
  );
}
