import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS } from '@enlace/contracts';
import type { TClassification } from '@enlace/contracts';
import { ZProtocolDraft } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { classificationOptions, oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { draftProtocol, getProtocol, type TProtocolRecord } from './protocols-api.ts';
import './protocols.css';

/** The drafting content of a stored version: what a new version starts from. */
const contentOf = (p: TProtocolRecord): unknown => ({
  procedure: p.procedure,
  force: p.force,
  title: p.title,
  tasks: p.tasks,
  steps: p.steps,
  equipment: p.equipment,
  training: p.training,
  legalRefs: p.legalRefs,
  ...(p.notes ? { notes: p.notes } : {}),
});

/** Where a protocol drafted from nothing starts: one step, to be completed. */
const SKELETON = {
  procedure: 'PATRULLAJE_CONJUNTO',
  force: 'PNP',
  title: { es: '', en: '' },
  tasks: ['PATRULLAJE_CONJUNTO'],
  steps: [{ code: 'PRESENCIA', title: { es: '', en: '' }, maxForceLevel: 1, equipment: [], training: [] }],
  equipment: [],
  training: [],
  legalRefs: [],
};

/**
 * Drafts a new protocol version starting from an existing one (`?from=<id>`): the content as JSON (the format of
 * ZProtocolDraft), checked in the browser with the same schema the server uses. It stays pending until one PNP and
 * one FF.AA. approver sign it.
 */
export function ProtocolDraftPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const from = query.get('from') ?? '';
  const source = useResource(`protocol-draft-${from}`, (signal) => (from ? getProtocol(from, signal) : Promise.resolve(null)));
  const [text, setText] = useState<string | null>(null);
  const [classification, setClassification] = useState<TClassification>('PUBLICO');
  const { busy, errors, setErrors, send } = useSubmission();
  const content = text ?? JSON.stringify(source.data ? contentOf(source.data) : SKELETON, null, 2);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      setErrors([t('protocols.draft.notJson')]);
      return;
    }
    const checked = ZProtocolDraft.safeParse(parsed);
    if (!checked.success) {
      setErrors(checked.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '$'}: ${i.message}`));
      return;
    }
    setErrors([]);
    await send(async () => {
      const stored = await draftProtocol({ ...checked.data, classification });
      navigate(`/protocols/${stored.id}`);
    });
  };

  return (
    <section>
      <Link to={from ? `/protocols/${from}` : '/protocols'} className="back-link">← {t('protocols.back')}</Link>
      <PageHeader title={t('protocols.draft.title')}>
        <p className="muted">{t('protocols.draft.intro')}</p>
      </PageHeader>
      {source.error !== null && <Alert kind="error">{errorMessage(source.error)}</Alert>}
      {source.loading && from && !source.data && <Loading />}
      <form className="card form-grid" onSubmit={(e) => { void submit(e); }} noValidate>
        <SelectField
          label={t('protocols.draft.classification')}
          value={classification}
          options={classificationOptions()}
          onValueChange={(v) => { setClassification(oneOf(CLASSIFICATIONS, v, 'PUBLICO')); }}
        />
        <div className="field protocol-draft-content">
          <label htmlFor="protocol-draft-content">{t('protocols.draft.content')}</label>
          <textarea id="protocol-draft-content" rows={24} spellCheck={false} value={content} onChange={(e) => setText(e.target.value)} aria-describedby="protocol-draft-hint" />
          <p id="protocol-draft-hint" className="field-hint">{t('protocols.draft.hint')}</p>
        </div>
        {errors.length > 0 && (
          <Alert kind="error"><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || content.trim() === ''}>
            {busy ? t('protocols.draft.saving') : t('protocols.draft.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
