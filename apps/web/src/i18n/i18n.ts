import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type TLanguage } from '@enlace/contracts';
import { catalogueEn as en, catalogueEs as es } from './catalogue.ts';

/** Both catalogues must have the same keys: each is checked against the other's shape. */
const catalogues: Record<TLanguage, typeof es> = { es, en: en satisfies typeof es };
const spanishCoversEnglish: typeof en = es;
void spanishCoversEnglish;

const STORAGE_KEY = 'enlace.language';
const DEFAULT_LANGUAGE: TLanguage = 'es';

function isLanguage(value: unknown): value is TLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): TLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, policy); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

/** The language the user chose (or Spanish), as sent in `Accept-Language`. */
export function currentLanguage(): TLanguage {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

/** Switches the interface language, remembers it in localStorage and updates `<html lang>`. */
export async function changeLanguage(language: TLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
}

/** Initialises i18next with the bundled catalogues and the stored language. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: {
      es: { translation: catalogues.es },
      en: { translation: catalogues.en },
    },
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = currentLanguage();
}
