import { useTranslation } from 'react-i18next';
import { ZClassification } from '@enlace/contracts';
import { useResource } from '../../app/use-resource.ts';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { classificationOptions } from '../../app/ui/options.ts';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { getCrimeTypes } from '../incidents/incidents-api.ts';
import type { ImportOptionsDraft, OptionsProblem } from './import-options.ts';
import { codeSystems, CRS_CHOICES, OTHER_CRS, takesPointOptions } from './import-options.ts';

const CRS_LABEL = {
  'EPSG:4326': 'imports.options.crsChoices.EPSG_4326',
  'EPSG:32717': 'imports.options.crsChoices.EPSG_32717',
  'EPSG:32718': 'imports.options.crsChoices.EPSG_32718',
  'EPSG:32719': 'imports.options.crsChoices.EPSG_32719',
} as const satisfies Record<(typeof CRS_CHOICES)[number], string>;

interface Props {
  kind: string;
  draft: ImportOptionsDraft;
  problems: readonly OptionsProblem[];
  disabled: boolean;
  onChange: (draft: ImportOptionsDraft) => void;
}

/**
 * What the incident imports need to read a file right: the source, the mapping table of its local crime codes
 * (from the catalogue the server holds), the coordinate system and the time zone, and the labels of the records.
 */
export function ImportOptionsFields({ kind, draft, problems, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const catalogue = useResource('crime-types', (signal) => getCrimeTypes(signal));
  const set = (patch: Partial<ImportOptionsDraft>): void => { onChange({ ...draft, ...patch }); };
  const problem = (field: OptionsProblem['field']): string | undefined => {
    const found = problems.find((p) => p.field === field);
    return found ? t(found.key) : undefined;
  };
  const systems = codeSystems(catalogue.data?.mappings ?? []);
  const points = takesPointOptions(kind);
  return (
    <fieldset className="import-options">
      <legend>{t('imports.options.title')}</legend>
      <TextField
        label={t('imports.options.source')}
        value={draft.source}
        hint={t('imports.options.sourceHint')}
        error={problem('source')}
        disabled={disabled}
        onValueChange={(v) => { set({ source: v.toUpperCase() }); }}
      />
      <SelectField
        label={t('imports.options.codeSystem')}
        value={draft.codeSystem}
        hint={t('imports.options.codeSystemHint')}
        options={[
          ...(points ? [{ value: '', label: t('imports.options.codeSystemDefault') }] : []),
          ...systems.map((s) => ({ value: s, label: t('imports.options.codeSystemOf', { system: s, count: catalogue.data?.mappings.filter((m) => m.sourceSystem === s).length ?? 0 }) })),
        ]}
        disabled={disabled}
        onValueChange={(v) => { set({ codeSystem: v }); }}
      />
      {points && (
        <>
          <SelectField
            label={t('imports.options.crs')}
            value={draft.crs}
            options={[...CRS_CHOICES.map((c) => ({ value: c, label: t(CRS_LABEL[c]) })), { value: OTHER_CRS, label: t('imports.options.crsOther') }]}
            disabled={disabled}
            onValueChange={(v) => { set({ crs: v }); }}
          />
          {draft.crs === OTHER_CRS && (
            <TextField
              label={t('imports.options.otherCrs')}
              value={draft.otherCrs}
              placeholder="EPSG:24892"
              error={problem('otherCrs')}
              disabled={disabled}
              onValueChange={(v) => { set({ otherCrs: v }); }}
            />
          )}
          <TextField
            label={t('imports.options.timeZone')}
            value={draft.timeZone}
            hint={t('imports.options.timeZoneHint')}
            error={problem('timeZone')}
            disabled={disabled}
            onValueChange={(v) => { set({ timeZone: v }); }}
          />
        </>
      )}
      <SelectField
        label={t('imports.options.classification')}
        value={draft.classification}
        options={classificationOptions()}
        disabled={disabled}
        onValueChange={(v) => { set({ classification: ZClassification.parse(v) }); }}
      />
      {points && (
        <CheckboxField label={t('imports.options.exercise')} checked={draft.exercise} disabled={disabled} onCheckedChange={(v) => { set({ exercise: v }); }} />
      )}
    </fieldset>
  );
}
