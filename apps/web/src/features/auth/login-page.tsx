import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { Alert } from '../../app/ui/alert.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { fetchSession, login, type TSessionInfo } from './auth-api.ts';

/** Props of the login page. */
export interface LoginPageProps {
  expired: boolean;
  onSignedIn: (session: TSessionInfo) => void;
}

/** Username and password form; shows the server's localized error message when sign-in fails. */
export function LoginPage({ expired, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
      onSignedIn(await fetchSession());
    } catch (cause) {
      setError(errorMessage(cause));
      setPassword('');
      setSubmitting(false);
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };

  return (
    <div className="login-layout">
      <header className="login-header">
        <p className="brand">{t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span></p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <form className="card login-card" onSubmit={handleSubmit} noValidate>
          <PageHeader title={t('auth.title')}>
            <p className="muted">{t('auth.intro')}</p>
          </PageHeader>
          {expired && !error && <Alert kind="info">{t('auth.sessionExpired')}</Alert>}
          {error && <Alert kind="error">{error}</Alert>}
          <TextField
            label={t('auth.username')}
            value={username}
            onValueChange={setUsername}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t('auth.password')}
            type="password"
            value={password}
            onValueChange={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button button-primary" disabled={submitting || !username || !password}>
            {submitting ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
