import { useTranslation } from 'react-i18next';
import { PageHeader } from './ui/page-header.tsx';

/** Shown for unknown paths and for paths the session may not use. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('errors.notFoundTitle')} />
      <p>{t('errors.notFound')}</p>
    </section>
  );
}
