import { describe, expect, it } from 'vitest';
import { everyWordIn, foldedSql, foldText } from './text-search.ts';

describe('text search', () => {
  it('folds accents and case the same way as the SQL side, spaces made one', () => {
    expect(foldText('  Comisaría   ÑAÑA Pérez ')).toBe('comisaria nana perez');
    expect(foldText('BATALLÓN Ü')).toBe('batallon u');
    // A decomposed accent (e + U+0301) is composed first, then folded.
    expect(foldText('Pe\u0301rez')).toBe('perez');
    expect(foldedSql('name')).toMatch(/^lower\(translate\(name, '[^']+', '[^']+'\)\)$/);
  });

  it('asks for every word once, as a parameter, in any of the expressions; no words, no condition', () => {
    const params: unknown[] = ['labels'];
    const where = everyWordIn(['name', 'short_name'], "Zárate  zarate x'; DROP", params);
    expect(params).toEqual(['labels', 'zarate', "x';", 'drop']);
    expect(where).toHaveLength(3);
    expect(where[0]).toBe(`(strpos(${foldedSql('name')}, $2) > 0 OR strpos(${foldedSql('short_name')}, $2) > 0)`);
    expect(everyWordIn(['name'], '   ', params)).toEqual([]);
    expect(everyWordIn(['name'], undefined, params)).toEqual([]);
  });
});
