import type { TCertificateVerification, TLanguage } from '@enlace/contracts';

const TEXT = {
  es: {
    title: 'Verificación de certificado',
    brand: 'Enlace — Capacitación de las fuerzas del orden',
    valid: 'Certificado válido',
    expired: 'Certificado vencido',
    revoked: 'Certificado revocado',
    unknown: 'Código desconocido',
    unknownText: 'No existe un certificado con este código. Revise que lo haya escrito o escaneado completo.',
    revokedText: 'Este certificado fue revocado y no acredita la capacitación.',
    holder: 'Titular',
    course: 'Curso',
    issued: 'Emitido el',
    validUntil: 'Válido hasta (inclusive)',
    limited: 'Demasiadas verificaciones',
    limitedText: 'Se hicieron demasiadas verificaciones desde su dirección. Espere {s} segundos e intente de nuevo.',
    note: 'Esta página muestra solo lo que el certificado acredita.',
    other: 'English',
  },
  en: {
    title: 'Certificate verification',
    brand: 'Enlace — Training of the security forces',
    valid: 'Valid certificate',
    expired: 'Expired certificate',
    revoked: 'Revoked certificate',
    unknown: 'Unknown code',
    unknownText: 'There is no certificate with this code. Check that it was typed or scanned completely.',
    revokedText: 'This certificate was revoked and does not prove the training.',
    holder: 'Holder',
    course: 'Course',
    issued: 'Issued on',
    validUntil: 'Valid until (inclusive)',
    limited: 'Too many verifications',
    limitedText: 'Too many verifications were made from your address. Wait {s} seconds and try again.',
    note: 'This page shows only what the certificate proves.',
    other: 'Español',
  },
} as const;

const COLOR = { valid: '#1b5e20', expired: '#8d6e00', revoked: '#b71c1c', unknown: '#455a64', limited: '#455a64' } as const;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(lang: TLanguage, switchHref: string, status: keyof typeof COLOR, heading: string, body: string): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(t.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1c2833}
main{max-width:34rem;margin:3rem auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15);padding:2rem}
.brand{font-size:.85rem;color:#566573;margin:0 0 1rem}
.status{display:inline-block;padding:.35rem .8rem;border-radius:4px;color:#fff;font-weight:600;background:${COLOR[status]}}
dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem;margin:1.5rem 0}
dt{color:#566573}dd{margin:0;font-weight:600}
.note{font-size:.8rem;color:#566573;margin-top:2rem}
a{color:#1a5276}
</style>
</head>
<body>
<main>
<p class="brand">${escapeHtml(t.brand)} · <a href="${escapeHtml(switchHref)}">${escapeHtml(t.other)}</a></p>
<h1>${escapeHtml(t.title)}</h1>
<p class="status" data-status="${status}">${escapeHtml(heading)}</p>
${body}
<p class="note">${escapeHtml(t.note)}</p>
</main>
</body>
</html>
`;
}

/** The public verification page of a certificate, in Spanish or English; every value is escaped. */
export function renderVerificationPage(v: TCertificateVerification, lang: TLanguage, switchHref: string): string {
  const t = TEXT[lang];
  if (v.status === 'unknown') return page(lang, switchHref, 'unknown', t.unknown, `<p>${escapeHtml(t.unknownText)}</p>`);
  if (v.status === 'revoked') return page(lang, switchHref, 'revoked', t.revoked, `<p>${escapeHtml(t.revokedText)}</p>`);
  const course = v.course ? (lang === 'es' ? v.course.nameEs : v.course.nameEn) : '';
  const rows: [string, string][] = [
    [t.holder, v.holderName ?? ''],
    [t.course, course],
    [t.issued, v.issuedOn ?? ''],
    [t.validUntil, v.validUntil ?? ''],
  ];
  const dl = `<dl>${rows.map(([k, val]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(val)}</dd>`).join('')}</dl>`;
  return page(lang, switchHref, v.status, v.status === 'valid' ? t.valid : t.expired, dl);
}

/** The page shown when an address has verified too often. */
export function renderRateLimitedPage(lang: TLanguage, retryAfter: number, switchHref: string): string {
  const t = TEXT[lang];
  return page(lang, switchHref, 'limited', t.limited, `<p>${escapeHtml(t.limitedText.replace('{s}', String(retryAfter)))}</p>`);
}
