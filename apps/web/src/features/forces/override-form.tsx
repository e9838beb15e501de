import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { C_LEVELS, type TCLevel, type TUnitReadiness } from '@enlace/contracts';
import { OVERRIDE_REMARK_MAX, validateOverride, type TReadinessLevel } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { overrideReadiness } from './forces-api.ts';
import { levelNumber } from './readiness-view.ts';

/**
 * The commander's override of the overall level. A written remark is required: the same validator as the server's
 * refuses the form before it is sent, and the server refuses it again (and audits an accepted override).
 */
export function OverrideForm({ unitId, readiness, onSaved }: { unitId: string; readiness: TUnitReadiness; onSaved: (r: TUnitReadiness) => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<TCLevel>(readiness.effective);
  const [remark, setRemark] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = validateOverride(levelNumber(readiness.computed) as TReadinessLevel, { level: levelNumber(level), remark });
    if (!check.ok) {
      setError(check.message[currentLanguage()]);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await overrideReadiness(unitId, level, check.remark));
      setRemark('');
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="override-form card" onSubmit={(e) => { void submit(e); }} noValidate>
      <h3>{t('forces.override.title')}</h3>
      <p className="small muted">{t('forces.override.hint', { computed: readiness.computed })}</p>
      <SelectField
        label={t('forces.override.level')}
        value={level}
        options={C_LEVELS.map((c) => ({ value: c, label: `${c} · ${t(`forces.readiness.cLevel.${c}`)}` }))}
        onValueChange={(v) => { setLevel(v as TCLevel); }}
      />
      <div className="field">
        <label htmlFor="override-remark">{t('forces.override.remark')}</label>
        <textarea
          id="override-remark"
          value={remark}
          rows={3}
          maxLength={OVERRIDE_REMARK_MAX}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'override-error' : undefined}
          onChange={(e) => { setRemark(e.target.value); }}
        />
      </div>
      {error && <div id="override-error"><Alert kind="error">{error}</Alert></div>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : t('forces.override.submit')}
        </button>
      </div>
    </form>
  );
}
