import type { TLanguage } from '@enlace/contracts';
import { ERROR_CATALOG } from './messages.ts';
import type { ErrorCode } from './messages.ts';

/** Picks es or en from an Accept-Language header; Spanish by default. */
export function languageOf(acceptLanguage: string | undefined): TLanguage {
  if (!acceptLanguage) return 'es';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'es';
}

/** The message for an error code in a language, with `{param}` placeholders filled. */
export function translateError(code: ErrorCode, lang: TLanguage, params: Record<string, string | number> = {}): string {
  return ERROR_CATALOG[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}
