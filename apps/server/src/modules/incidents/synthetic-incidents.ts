import { createRng } from '@enlace/analytics';
import type { TCrimeType } from '@enlace/contracts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import type { IncidentValues } from './incidents.repository.ts';
import { upsertIncidents } from './incidents.repository.ts';
import { toUtm } from './projection.ts';

/** Source code of demo incidents: SYNTHETIC data, never real crime (Peru publishes no point-level crime data). */
export const SYNTHETIC_SOURCE = 'SINTETICO';

/** Hot spots of the synthetic demo: a centre inside a district, a spread (m) and a weight; the rest is background. */
const CENTRES: readonly { lon: number; lat: number; sigma: number; weight: number; types: readonly TCrimeType[] }[] = [
  { lon: -77.0300, lat: -12.0560, sigma: 350, weight: 0.16, types: ['HURTO', 'ROBO', 'HURTO', 'ESTAFA'] }, // Cercado de Lima, Mesa Redonda
  { lon: -77.0180, lat: -12.0680, sigma: 300, weight: 0.12, types: ['ROBO', 'HURTO', 'VEHICULO'] }, // La Victoria, Gamarra
  { lon: -76.9950, lat: -11.9800, sigma: 600, weight: 0.14, types: ['ROBO', 'EXTORSION', 'LESIONES', 'VIOLENCIA_FAMILIAR'] }, // San Juan de Lurigancho
  { lon: -77.0610, lat: -11.9500, sigma: 500, weight: 0.10, types: ['ROBO', 'EXTORSION', 'VEHICULO'] }, // Comas
  { lon: -77.1250, lat: -12.0520, sigma: 400, weight: 0.10, types: ['ROBO', 'HOMICIDIO', 'ARMAS', 'DROGAS'] }, // Callao cercado
  { lon: -77.0290, lat: -12.1200, sigma: 300, weight: 0.07, types: ['HURTO', 'ESTAFA'] }, // Miraflores
  { lon: -76.9430, lat: -12.2100, sigma: 550, weight: 0.08, types: ['ROBO', 'LESIONES', 'VIOLENCIA_FAMILIAR'] }, // Villa El Salvador
];
/** Background box (inland Lima): [minLon, minLat, maxLon, maxLat]. */
const BACKGROUND = [-77.09, -12.20, -76.94, -11.93] as const;
const BACKGROUND_TYPES: readonly TCrimeType[] = ['HURTO', 'ROBO', 'LESIONES', 'VIOLENCIA_FAMILIAR', 'VEHICULO', 'DANOS', 'OTRO'];
const M_PER_DEG = 111_320;

/**
 * A reproducible set of synthetic incidents for the Lima/Callao demo, clearly labelled (source SINTETICO, description
 * "Dato sintético"): clusters of different spread around known trouble spots, a uniform background, and follow-up
 * events near earlier ones a few days later (near repeats), over the `days` before `now`, busier in the evening.
 */
export function syntheticIncidents({ count = 1500, days = 180, seed = 2026, now = new Date() }: { count?: number; days?: number; seed?: number; now?: Date } = {}) {
  const rng = createRng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const hour = (): number => {
    const h = Math.floor(rng() * 24);
    return rng() < 0.45 ? 18 + Math.floor(rng() * 6) : h; // evenings are busier
  };
  const out: { lon: number; lat: number; at: Date; type: TCrimeType }[] = [];
  const start = now.getTime() - days * 86_400_000;
  while (out.length < count) {
    const r = rng();
    if (out.length > 50 && r < 0.12) {
      // A near repeat: close to an earlier event, 1-7 days later.
      const prev = pickOf(out);
      const at = new Date(prev.at.getTime() + (1 + rng() * 6) * 86_400_000);
      if (at.getTime() < now.getTime()) {
        out.push({ lon: prev.lon + (gauss() * 80) / (M_PER_DEG * Math.cos((prev.lat * Math.PI) / 180)), lat: prev.lat + (gauss() * 80) / M_PER_DEG, at, type: prev.type });
      }
      continue;
    }
    const day = Math.floor(rng() * days);
    const at = new Date(start + day * 86_400_000 + (hour() * 60 + Math.floor(rng() * 60)) * 60_000 + 5 * 3_600_000);
    let acc = 0;
    const centre = CENTRES.find((c) => (acc += c.weight) > r);
    if (centre) {
      out.push({
        lon: centre.lon + (gauss() * centre.sigma) / (M_PER_DEG * Math.cos((centre.lat * Math.PI) / 180)),
        lat: centre.lat + (gauss() * centre.sigma) / M_PER_DEG,
        at,
        type: pickOf(centre.types),
      });
    } else {
      out.push({ lon: BACKGROUND[0] + rng() * (BACKGROUND[2] - BACKGROUND[0]), lat: BACKGROUND[1] + rng() * (BACKGROUND[3] - BACKGROUND[1]), at, type: pickOf(BACKGROUND_TYPES) });
    }
  }
  return out.filter((e) => e.at.getTime() <= now.getTime());
}

/**
 * Writes the synthetic demo incidents (PNP, RESERVADO) in batches, each batch audited as one import. Idempotent:
 * rows are keyed `demo-<n>`, so seeding twice adds nothing.
 */
export async function seedSyntheticIncidents(db: Db, afterAudit?: () => void, options: { count?: number; now?: Date } = {}): Promise<number> {
  const events = syntheticIncidents(options);
  let created = 0;
  for (let k = 0; k < events.length; k += 500) {
    const batch: IncidentValues[] = events.slice(k, k + 500).map((e, i) => {
      const utm = toUtm(e.lon, e.lat);
      return {
        source: SYNTHETIC_SOURCE,
        sourceRef: `demo-${k + i}`,
        crimeType: e.type,
        localCode: null,
        codeSystem: null,
        occurredAt: e.at.toISOString(),
        lon: e.lon,
        lat: e.lat,
        utmEpsg: utm.epsg,
        x: utm.x,
        y: utm.y,
        address: null,
        description: 'Dato sintético de demostración (no es un hecho real)',
        importRunId: null,
        agency: 'PNP',
        classification: 'RESERVADO',
        exercise: false,
        createdBy: 'demo-seed',
      };
    });
    const { value } = await runAudited({ db, actor: { id: null, name: 'demo-seed', agency: 'PNP' }, afterAudit }, async (tx, audit) => {
      const r = await upsertIncidents(tx, batch);
      audit.record('import', 'incident', null, { source: SYNTHETIC_SOURCE, first: k, ids: r.ids });
      return r.created;
    });
    created += value;
  }
  return created;
}
