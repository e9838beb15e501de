import { describe, expect, it } from 'vitest';
import { csvList } from './import-values.ts';

describe('csvList', () => {
  const list = csvList(20, 3);
  const issueOf = (s: string) => {
    const r = list.safeParse(s);
    return r.success ? null : (r.error.issues[0] as { params?: Record<string, unknown> }).params;
  };

  it('splits on ; | or , trims, and drops empty items and repeats', () => {
    expect(list.parse('Patrullaje conjunto; PUESTO_CONTROL')).toEqual(['Patrullaje conjunto', 'PUESTO_CONTROL']);
    expect(list.parse(' a | b,a ;; ')).toEqual(['a', 'b']);
  });

  it('refuses an empty list, an over-long item and more items than allowed', () => {
    expect(issueOf(' ; ')).toEqual({ code: 'IMPORT_VALUE_LIST', max: 20 });
    expect(issueOf(`ok; ${'x'.repeat(21)}`)).toEqual({ code: 'IMPORT_VALUE_LIST', max: 20 });
    expect(issueOf('a; b; c; d')).toEqual({ code: 'IMPORT_VALUE_TOO_MANY', max: 3 });
  });
});
