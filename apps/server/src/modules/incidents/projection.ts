import proj4 from 'proj4';

/**
 * Coordinate systems Enlace accepts for incidents: longitude/latitude (EPSG:4326), the UTM zones on WGS 84
 * (EPSG:326xx north, 327xx south; Lima is 32718, the far north 32717, the south-east 32719) and Web Mercator
 * (EPSG:3857). Analysis always works in metres, in the UTM zone of the data.
 */
export type Crs = { kind: 'lonlat' } | { kind: 'projected'; epsg: number };

/** Parses 'EPSG:nnnn'; null when unsupported. */
export function parseCrs(code: string): Crs | null {
  const m = /^EPSG:(\d{4,5})$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const epsg = Number(m[1]);
  if (epsg === 4326) return { kind: 'lonlat' };
  if (epsg === 3857 || (epsg >= 32601 && epsg <= 32660) || (epsg >= 32701 && epsg <= 32760)) return { kind: 'projected', epsg };
  return null;
}

/** The UTM zone (as an EPSG code) holding a longitude, south of the equator when lat < 0. */
export function utmEpsgFor(lon: number, lat: number): number {
  const zone = Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
  return (lat < 0 ? 32700 : 32600) + zone;
}

function definition(epsg: number): string {
  if (epsg === 4326) return '+proj=longlat +datum=WGS84 +no_defs';
  if (epsg === 3857) return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
  const south = epsg >= 32701;
  return `+proj=utm +zone=${epsg % 100}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
}

const converters = new Map<string, proj4.Converter>();

/** A cached converter between two supported EPSG codes. */
export function converter(from: number, to: number): proj4.Converter {
  const key = `${from}>${to}`;
  let c = converters.get(key);
  if (!c) {
    c = proj4(definition(from), definition(to));
    converters.set(key, c);
  }
  return c;
}

/** Longitude/latitude of a point given in a supported CRS; null when the result is not a finite position. */
export function toLonLat(crs: Crs, x: number, y: number): { lon: number; lat: number } | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const [lon, lat] = crs.kind === 'lonlat' ? [x, y] : converter(crs.epsg, 4326).forward([x, y]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { lon: lon, lat: lat };
}

/** The point in metres in its own UTM zone. */
export function toUtm(lon: number, lat: number): { epsg: number; x: number; y: number } {
  const epsg = utmEpsgFor(lon, lat);
  const [x, y] = converter(4326, epsg).forward([lon, lat]);
  return { epsg, x: x, y: y };
}
