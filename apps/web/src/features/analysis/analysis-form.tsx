import { useTranslation } from 'react-i18next';
import type { TCrimeType } from '@enlace/contracts';
import { useResource } from '../../app/use-resource.ts';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { getCrimeTypes } from './analysis-api.ts';
import { parseUbigeos } from './analysis-view.ts';

/** Area, period and crime types shared by every analysis tab. */
export interface ScopeForm {
  ubigeo: string;
  from: string;
  to: string;
  types: TCrimeType[];
  /** Analyse exercise (training) incidents instead of real ones. */
  exercise?: boolean;
}

/** The scope fields: UBIGEO codes (empty: everything the user may read), period and crime types. */
export function ScopeFields({ value, onChange }: { value: ScopeForm; onChange: (next: ScopeForm) => void }) {
  const { t, i18n } = useTranslation();
  const catalog = useResource('crime-types', (signal) => getCrimeTypes(signal));
  const { invalid } = parseUbigeos(value.ubigeo);
  const toggle = (code: TCrimeType) => {
    onChange({ ...value, types: value.types.includes(code) ? value.types.filter((c) => c !== code) : [...value.types, code] });
  };
  return (
    <>
      <TextField
        label={t('analysis.scope.ubigeo')}
        hint={t('analysis.scope.ubigeoHint')}
        value={value.ubigeo}
        onValueChange={(ubigeo) => { onChange({ ...value, ubigeo }); }}
        error={invalid.length > 0 ? t('analysis.scope.ubigeoInvalid', { codes: invalid.join(', ') }) : undefined}
      />
      <TextField type="date" required label={t('analysis.scope.from')} value={value.from} onValueChange={(from) => { onChange({ ...value, from }); }} />
      <TextField type="date" required label={t('analysis.scope.to')} value={value.to} onValueChange={(to) => { onChange({ ...value, to }); }} />
      <fieldset className="analysis-types">
        <legend>{t('analysis.scope.types')}</legend>
        {catalog.data?.types.map((type) => (
          <label key={type.code}>
            <input type="checkbox" checked={value.types.includes(type.code)} onChange={() => { toggle(type.code); }} />{' '}
            {i18n.language.startsWith('en') ? type.nameEn : type.nameEs}
          </label>
        ))}
        {catalog.data && <p className="field-hint">{t('analysis.scope.typesHint')}</p>}
      </fieldset>
      <CheckboxField label={t('analysis.scope.exercise')} checked={value.exercise === true} onCheckedChange={(exercise) => { onChange({ ...value, exercise }); }} />
    </>
  );
}

/** Whether the scope can be sent: a period in order and no malformed codes. */
export function scopeValid(value: ScopeForm): boolean {
  return value.from !== '' && value.to !== '' && value.from <= value.to && parseUbigeos(value.ubigeo).invalid.length === 0;
}
