import { z } from 'zod';
import type { ErrorCode } from '../errors/messages.ts';
import { normalizeHeader } from './column-mapping.ts';

/**
 * zod building blocks for CSV cells. A cell arrives as trimmed text, or `undefined` when empty; these turn it
 * into typed values with the formats people actually type in Peru (decimal comma, dd/mm/yyyy, sí/no).
 * Wrap any of them in `.optional()` for a field that may be empty.
 */
export const csvText = (max: number, min = 1): z.ZodString => z.string().min(min).max(max);

/** An integer, with optional thousands separators removed ("1.200" or "1,200" read as 1200). */
export const csvInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+-]?\d{1,3}([.,\s]?\d{3})*$/, { message: 'an integer' })
    .transform((s) => Number(s.replace(/[.,\s]/g, '')))
    .pipe(z.number().int().min(min).max(max));

/** A decimal number; a comma is read as the decimal separator when there is no dot. */
export const csvNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/, { message: 'a number' })
    .transform((s) => Number(s.replace(',', '.')))
    .pipe(z.number().min(min).max(max));

const TRUE_WORDS = new Set(['si', 'yes', 'true', 'verdadero', '1', 'x', 's', 'y']);
const FALSE_WORDS = new Set(['no', 'false', 'falso', '0', 'n']);

/** Sí/no in Spanish or English (sí, si, no, true, false, 1, 0, x). */
export const csvBool = () =>
  z.string().transform((s, ctx) => {
    const n = normalizeHeader(s);
    if (TRUE_WORDS.has(n)) return true;
    if (FALSE_WORDS.has(n)) return false;
    ctx.addIssue({ code: 'custom', message: 'sí/no', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: 'sí, no' } });
    return z.NEVER;
  });

/** A calendar day as YYYY-MM-DD, accepting dd/mm/yyyy and dd-mm-yyyy too; checks the day exists. */
export const csvDate = () =>
  z.string().transform((s, ctx) => {
    let y: number, m: number, d: number;
    let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    else if ((match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    else {
      ctx.addIssue({ code: 'custom', message: 'a date', params: { code: 'IMPORT_VALUE_DATE' } });
      return z.NEVER;
    }
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: 'a date', params: { code: 'IMPORT_VALUE_DATE' } });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

/**
 * One of a fixed list, compared without case or accents, with extra spellings accepted (e.g. "operativo" for
 * `serviceable`). The error lists the accepted values.
 */
export const csvEnum = <T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>> = {}) => {
  const lookup = new Map<string, T>();
  for (const v of values) lookup.set(normalizeHeader(v), v);
  for (const [alias, v] of Object.entries(aliases)) lookup.set(normalizeHeader(alias), v);
  return z.string().transform((s, ctx): T => {
    const v = lookup.get(normalizeHeader(s));
    if (v !== undefined) return v;
    ctx.addIssue({ code: 'custom', message: 'not allowed', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: values.join(', ') } });
    return z.NEVER;
  });
};

/**
 * Several values in one cell, separated by `;`, `|` or `,` (a quoted cell may hold commas), trimmed, empty items and
 * repeats dropped. More than `max` items, or an item longer than `maxLength`, is an error.
 */
export const csvList = (maxLength: number, max: number) =>
  z.string().transform((s, ctx): string[] => {
    const items = [...new Set(s.split(/[;|,]/).map((x) => x.trim()).filter((x) => x.length > 0))];
    if (items.length > max) {
      ctx.addIssue({ code: 'custom', message: 'too many', params: { code: 'IMPORT_VALUE_TOO_MANY', max } });
      return z.NEVER;
    }
    if (items.length === 0 || items.some((x) => x.length > maxLength)) {
      ctx.addIssue({ code: 'custom', message: 'list', params: { code: 'IMPORT_VALUE_LIST', max: maxLength } });
      return z.NEVER;
    }
    return items;
  });

/**
 * Text that must match a pattern; a mismatch is reported with `code`, a catalogue entry whose es/en messages
 * describe the expected form (so that the report never mixes languages).
 */
export const csvMatch = (pattern: RegExp, code: ErrorCode) =>
  z.string().transform((s, ctx) => {
    if (pattern.test(s)) return s;
    ctx.addIssue({ code: 'custom', message: code, params: { code } });
    return z.NEVER;
  });
