import { describe, expect, it } from 'vitest';
import { isMoveKey, moveActive, searchText, unitChoiceLabel } from './unit-picker-model.ts';

describe('unit picker model', () => {
  it('moves the highlight down and up, wrapping at both ends', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(1, 3, 'Home')).toBe(0);
    expect(moveActive(1, 3, 'End')).toBe(2);
  });

  it('highlights nothing in an empty list, and a list that shrank brings the highlight back in range', () => {
    expect(moveActive(-1, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(5, 0, 'End')).toBe(-1);
    expect(moveActive(7, 3, 'ArrowDown')).toBe(0);
  });

  it('knows which keys move the highlight', () => {
    expect(['ArrowDown', 'ArrowUp', 'Home', 'End', 'Enter', 'a'].map(isMoveKey)).toEqual([true, true, true, true, false, false]);
  });

  it('searches the typed text, not the label of the unit already chosen', () => {
    const chosen = unitChoiceLabel({ name: 'Comisaría Zárate', shortName: 'CPNP Zárate' });
    expect(chosen).toBe('Comisaría Zárate (CPNP Zárate)');
    expect(searchText(chosen, chosen)).toBe('');
    expect(searchText('  zárate ', chosen)).toBe('zárate');
    expect(searchText('   ', null)).toBe('');
    expect(searchText('x'.repeat(150), null)).toHaveLength(100);
  });
});
