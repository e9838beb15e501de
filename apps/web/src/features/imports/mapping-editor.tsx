import { useTranslation } from 'react-i18next';
import type { TImportFieldInfo, TImportMapping } from '@enlace/contracts';
import { currentLanguage } from '../../i18n/i18n.ts';

/** Props of the mapping editor. */
export interface MappingEditorProps {
  fields: readonly TImportFieldInfo[];
  headers: readonly string[];
  mapping: TImportMapping;
  onChange: (mapping: TImportMapping) => void;
  disabled?: boolean;
}

/** One row per field of the kind: which column of the file feeds it, and a default for empty cells. */
export function MappingEditor({ fields, headers, mapping, onChange, disabled }: MappingEditorProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const set = (field: string, change: { column?: string | null; default?: string }): void => {
    const current = mapping[field] ?? {};
    const next = { ...current, ...change };
    if (next.default === '') delete next.default;
    onChange({ ...mapping, [field]: next });
  };
  return (
    <table className="data-table import-mapping">
      <caption className="visually-hidden">{t('imports.mapping')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.field')}</th>
          <th scope="col">{t('imports.column')}</th>
          <th scope="col">{t('imports.default')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const entry = mapping[f.name];
          const column = entry?.column ?? '';
          const missing = f.required && !column && !entry?.default;
          return (
            <tr key={f.name} className={missing ? 'import-missing' : undefined}>
              <th scope="row" data-label={t('imports.field')}>
                {f.label[lang]}
                {f.required && <span className="muted small"> ({t('imports.required')})</span>}
                {f.hint && <div className="muted small">{f.hint[lang]}</div>}
              </th>
              <td data-label={t('imports.column')}>
                <select
                  aria-label={`${t('imports.column')}: ${f.label[lang]}`}
                  value={column}
                  disabled={disabled}
                  aria-invalid={missing ? true : undefined}
                  onChange={(event) => { set(f.name, { column: event.target.value || null }); }}
                >
                  <option value="">{t('imports.noColumn')}</option>
                  {headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
              </td>
              <td data-label={t('imports.default')}>
                <input
                  aria-label={`${t('imports.default')}: ${f.label[lang]}`}
                  value={entry?.default ?? ''}
                  disabled={disabled}
                  maxLength={1000}
                  onChange={(event) => { set(f.name, { default: event.target.value }); }}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
