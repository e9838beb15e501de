import type { TAgencyCode, TClassification, TCrimeType } from '@enlace/contracts';
import { upsertIncidents } from '../../apps/server/src/modules/incidents/incidents.repository.ts';
import { toUtm } from '../../apps/server/src/modules/incidents/projection.ts';
import type { Queryable } from '../../apps/server/src/platform/db/db.ts';

export interface IncidentSeed {
  lon: number;
  lat: number;
  at: string;
  type?: TCrimeType;
  agency?: TAgencyCode;
  classification?: TClassification;
  /** Training data of an exercise (kept apart from real incidents). */
  exercise?: boolean;
}

/** Incidents written straight to the database (no audit), placed in their districts by PostGIS, for analysis tests. */
export async function makeIncidents(db: Queryable, source: string, seeds: readonly IncidentSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < seeds.length; k += 500) {
    const batch = seeds.slice(k, k + 500).map((s, i) => {
      const utm = toUtm(s.lon, s.lat);
      return {
        source,
        sourceRef: `seed-${k + i}`,
        crimeType: s.type ?? 'ROBO',
        localCode: null,
        codeSystem: null,
        occurredAt: s.at,
        lon: s.lon,
        lat: s.lat,
        utmEpsg: utm.epsg,
        x: utm.x,
        y: utm.y,
        address: null,
        description: null,
        importRunId: null,
        agency: s.agency ?? 'PNP',
        classification: s.classification ?? 'RESERVADO',
        exercise: s.exercise ?? false,
        createdBy: 'test',
      };
    });
    ids.push(...(await upsertIncidents(db, batch)).ids);
  }
  return ids;
}
