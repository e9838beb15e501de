import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

/**
 * A screen loaded when first opened: its module (and what only it uses, such as MapLibre for the map screens) is a
 * chunk of its own, so signing in does not wait for every screen of the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React's own bound for lazy components (any props)
export function lazyPage<K extends string, C extends ComponentType<any>>(load: () => Promise<{ [k in K]: C }>, name: K): LazyExoticComponent<C> {
  return lazy(async () => ({ default: (await load())[name] }));
}
