import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of a page heading. */
export interface PageHeaderProps {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}

/** The page's `<h1>` with optional actions; also keeps the document title in step. */
export function PageHeader({ title, actions, children }: PageHeaderProps) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {children}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
