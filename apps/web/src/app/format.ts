import { currentLanguage } from '../i18n/i18n.ts';

/** A timestamp in the interface language, local time zone. Unparseable input is shown as received. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = currentLanguage() === 'es' ? 'es-PE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}
