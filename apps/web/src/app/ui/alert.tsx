import type { ReactNode } from 'react';

/** Props of a message box. */
export interface AlertProps {
  kind: 'error' | 'success' | 'info';
  children: ReactNode;
}

/** A message box; errors are announced immediately (`role=alert`), others politely (`role=status`). */
export function Alert({ kind, children }: AlertProps) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
