import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('matchPath', () => {
  it.each([
    ['/units', '/units', {}],
    ['/units', '/units/', {}],
    ['/units/:id', '/units/abc', { id: 'abc' }],
    ['/admin/agencies/:code', '/admin/agencies/PNP', { code: 'PNP' }],
    ['/units/:id', '/units/a%20b', { id: 'a b' }],
  ])('matches %s against %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/units', '/audit'],
    ['/units/:id', '/units'],
    ['/units/:id', '/units/a/b'],
    ['/units/new', '/units/abc'],
  ])('does not match %s against %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});
