import type { TUnit } from '@enlace/contracts';

/** Units a picker asks for at a time; more are reached by typing. */
export const PICKER_PAGE = 20;

/** How a unit reads in a picker and in its field once chosen. */
export const unitChoiceLabel = (u: Pick<TUnit, 'name' | 'shortName'>): string => `${u.name} (${u.shortName})`;

/** Keys that move the highlighted option of an open list. */
export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';
export const isMoveKey = (key: string): key is MoveKey => key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';

/**
 * The option highlighted after `key`, among `count` options, from `active` (-1: none). Down from the last and up
 * from the first wrap around, as in the WAI-ARIA combobox pattern; with no options nothing is highlighted.
 */
export function moveActive(active: number, count: number, key: MoveKey): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
  }
}

/**
 * What the picker asks the server for: the typed text, unless it is still the chosen unit's label (the user
 * opened the list without typing), in which case the first units in order.
 */
export function searchText(text: string, chosenLabel: string | null): string {
  const typed = text.trim();
  return typed === '' || typed === chosenLabel ? '' : typed.slice(0, 100);
}
