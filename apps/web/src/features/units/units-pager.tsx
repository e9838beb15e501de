import { useTranslation } from 'react-i18next';

/** Props of the pager. */
export interface UnitsPagerProps {
  offset: number;
  pageSize: number;
  shown: number;
  total: number;
  onPage: (offset: number) => void;
}

/** Previous / next buttons and the "1–50 of 120" range; hidden when everything fits on one page. */
export function UnitsPager({ offset, pageSize, shown, total, onPage }: UnitsPagerProps) {
  const { t } = useTranslation();
  if (total <= pageSize && offset === 0) return null;
  return (
    <div className="pager">
      <button type="button" className="button" disabled={offset === 0} onClick={() => { onPage(Math.max(0, offset - pageSize)); }}>
        {t('units.previous')}
      </button>
      <span>{t('units.range', { from: shown ? offset + 1 : 0, to: offset + shown, total })}</span>
      <button type="button" className="button" disabled={offset + shown >= total} onClick={() => { onPage(offset + pageSize); }}>
        {t('units.next')}
      </button>
    </div>
  );
}
