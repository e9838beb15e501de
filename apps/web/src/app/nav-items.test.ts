import { describe, expect, it } from 'vitest';
import { isCurrent, NAV_ITEMS } from './nav-items.ts';

const item = (path: string) => {
  const found = NAV_ITEMS.find((i) => i.path === path);
  if (!found) throw new Error(`no nav item ${path}`);
  return found;
};

describe('the current navigation entry', () => {
  it('is the entry of the screen or of a screen under it', () => {
    expect(isCurrent(item('/training'), '/training')).toBe(true);
    expect(isCurrent(item('/training'), '/training/sessions/abc')).toBe(true);
    expect(isCurrent(item('/training'), '/trainingx')).toBe(false);
  });

  it('is only the most specific entry when entries nest', () => {
    expect(isCurrent(item('/training/exercises'), '/training/exercises/abc')).toBe(true);
    expect(isCurrent(item('/training'), '/training/exercises/abc')).toBe(false);
    expect(isCurrent(item('/training'), '/training/exercises')).toBe(false);
  });
});
