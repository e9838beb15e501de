/**
 * SQL literals for a statement that cannot carry parameters (one sent together with COMMIT, see
 * `TransactionOptions.finish`). Always the escape-string form, so the meaning does not depend on
 * `standard_conforming_strings`: a backslash is doubled, a quote doubled.
 */
export function sqlText(value: string | null): string {
  if (value === null) return 'NULL';
  // PostgreSQL text cannot hold NUL, and a NUL would end the protocol message early: refuse it, as a bound
  // parameter would be refused.
  if (value.includes('\u0000')) throw new Error('a text value with a NUL character cannot be written to the database');
  // One pass (a stored evaluation inlines kilobytes of JSON): a backslash doubled, a quote doubled.
  return `E'${value.replace(/[\\']/g, (c) => c + c)}'`;
}

/** A `text[]` literal: `ARRAY[...]::text[]` (typed, so an empty array is valid too). */
export function sqlTextArray(values: readonly (string | null)[]): string {
  return `ARRAY[${values.map(sqlText).join(',')}]::text[]`;
}
