import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@enlace/contracts';
import { changeLanguage, currentLanguage } from '../i18n/i18n.ts';

/** Two toggle buttons (Español / English); each is labelled in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-button"
          aria-pressed={language === active}
          onClick={() => { void changeLanguage(language); }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
