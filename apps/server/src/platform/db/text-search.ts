/**
 * Text search that ignores case and accents, the same way in SQL and here. Accents are folded first, capitals
 * included, with `translate` (core in PostgreSQL and PGlite): under the C collation PGlite uses, `lower` alone would
 * change only ASCII letters. Matching uses `strpos`, so a `%` or `_` typed by the user is only a character.
 */
const ACCENTED = 'áéíóúüñàèìòùâêîôûäëïöÁÉÍÓÚÜÑÀÈÌÒÙÂÊÎÔÛÄËÏÖ';
const PLAIN = 'aeiouunaeiouaeiouaeioaeiouunaeiouaeiouaeio';

/** Words of a search at most; more are ignored. */
const MAX_WORDS = 8;

/** SQL for a text expression folded as {@link foldText} folds: accents removed, lower case. */
export const foldedSql = (expr: string): string => `lower(translate(${expr}, '${ACCENTED}', '${PLAIN}'))`;

/** `text` folded as {@link foldedSql} folds a column, with runs of spaces made one and the ends trimmed. */
export function foldText(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    const i = ACCENTED.indexOf(c);
    out += i >= 0 ? PLAIN[i]! : c;
  }
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * SQL conditions (to AND together) that every word of `text` occurs in at least one of `exprs`, ignoring case and
 * accents; each word is added to `params`. No words (empty text): no conditions.
 */
export function everyWordIn(exprs: readonly string[], text: string | undefined, params: unknown[]): string[] {
  const words = [...new Set(foldText(text ?? '').split(' ').filter(Boolean))].slice(0, MAX_WORDS);
  return words.map((word) => {
    const n = params.push(word);
    return `(${exprs.map((e) => `strpos(${foldedSql(e)}, $${n}) > 0`).join(' OR ')})`;
  });
}
