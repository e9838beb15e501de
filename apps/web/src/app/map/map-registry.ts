/**
 * The maps on the page, by name, on `window.enlaceMaps`: a diagnostics handle for support staff (browser console:
 * `enlaceMaps.get('cop').getStyle()`) and for browser tests, which read rendered features and pixels through it.
 * It exposes nothing the page's own user cannot already see.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    enlaceMaps?: Map<string, MapLibreMap>;
  }
}

/** Registers `map` under `name`; returns the function that unregisters it. */
export function registerMap(name: string, map: MapLibreMap): () => void {
  const maps = (window.enlaceMaps ??= new Map());
  maps.set(name, map);
  return () => {
    if (maps.get(name) === map) maps.delete(name);
  };
}
