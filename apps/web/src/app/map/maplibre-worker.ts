/**
 * MapLibre GL JS 6 runs its tiling in a module worker that it looks for next to its own script. Once bundled by
 * Vite that guess is wrong (the library lives inside `assets/index-*.js`), so the worker file is emitted as an asset
 * and its URL handed to MapLibre. Same origin, so the CSP (`worker-src 'self' blob:`) allows it.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
