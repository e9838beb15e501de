import type { TClassification } from '@enlace/contracts';
import type { Queryable } from '../../apps/server/src/platform/db/db.ts';
import type { TArea, TInstrument, TMember, TTaskingInput } from '@enlace/rules';
import { limaDay } from './evaluations.ts';
import { uniq } from './factories.ts';

/**
 * Builders for the legal registry tests: a lawful S3 basis (decree, extension, RUF, directive, CCO plan) over an
 * area in a given year, and a ready squad. Ids carry a random suffix so that tests sharing a database never collide;
 * each test uses its own year, as evaluations consider every instrument in force.
 */

const OVERSIGHT = {
  defensoriaContact: 'Defensoría Lima',
  ministerioPublicoContact: 'Fiscalía Lima',
  reportingSchedule: 'diario',
} as const;

export type InstrumentBody = TInstrument & { classification: TClassification; agency?: string; exercise?: boolean };

export function aDecree(year: number, area: TArea, o: Partial<InstrumentBody> = {}): InstrumentBody {
  const id = `DS-${uniq()}-${year}-PCM`;
  return {
    id,
    kind: 'DS_ESTADO_EMERGENCIA',
    number: id.slice(3),
    scenario: 'APOYO_PNP_CON_EE',
    area,
    validFrom: `${year}-01-01`,
    validTo: `${year}-02-15`,
    restrictedRights: ['LIBERTAD_TRANSITO'],
    controlAuthority: 'PNP',
    pnpCoordinatingAuthority: 'Comando Conjunto PNP Lima',
    extends: null,
    oversight: { ...OVERSIGHT, congressNotifiedOn: `${year}-01-02` },
    sourceUrl: 'https://www.gob.pe/institucion/pcm/normas-legales',
    classification: 'PUBLICO',
    ...o,
  };
}

export function anExtension(parent: InstrumentBody, o: Partial<InstrumentBody> = {}): InstrumentBody {
  const year = parent.validTo.slice(0, 4);
  const id = `DS-${uniq()}-${year}-PCM`;
  return {
    id,
    kind: 'DS_PRORROGA',
    number: id.slice(3),
    extends: parent.id,
    validFrom: `${year}-02-16`,
    validTo: `${year}-03-31`,
    oversight: { congressNotifiedOn: `${year}-02-16` },
    classification: 'PUBLICO',
    ...o,
  };
}

/** RUF, CCFFAA directive and CCO plan applying to `basis`, over `from`..`to`. */
export function supportingFor(basis: InstrumentBody, from: string, to: string): InstrumentBody[] {
  return (['RUF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO'] as const).map((kind) => ({
    id: `${kind}-${uniq()}`,
    kind,
    appliesTo: [basis.id],
    validFrom: from,
    validTo: to,
    classification: 'PUBLICO',
  }));
}

/** Decree (Jan 1 - Feb 15), extension (Feb 16 - Mar 31) and their RUF, directive and plan. */
export function aLawfulChain(year: number, area: TArea): InstrumentBody[] {
  const decree = aDecree(year, area);
  return [decree, anExtension(decree), ...supportingFor(decree, `${year}-01-01`, `${year}-03-31`)];
}

function aMember(id: string, o: Partial<TMember> = {}): TMember {
  return {
    id,
    trainings: (['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA', 'PROCEDIMIENTOS_DETENCION', 'CONTROL_MULTITUDES'] as const).map(
      (area) => ({ area, validUntil: '2049-12-31' }),
    ),
    equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO'],
    ...o,
  };
}

/** Five ready members; the first is designated and carries a rifle (1 of 5: the 20 % allowed by default). */
export const aSquad = (): TMember[] =>
  Array.from({ length: 5 }, (_, i) =>
    i === 0
      ? aMember('M01', { designatedLethal: true, equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO', 'FUSIL'] })
      : aMember(`M0${i + 1}`),
  );

/** A joint patrol by an Ejército company with a PNP coordinator. */
export function aRequest(o: Partial<TTaskingInput> & Pick<TTaskingInput, 'area' | 'start' | 'end'>): TTaskingInput {
  return {
    unit: { id: 'CIA-1', force: 'EJERCITO', name: 'Compañía 1', members: aSquad() },
    task: 'PATRULLAJE_CONJUNTO',
    pnpCoordinator: 'COMISARIA-ALFONSO-UGARTE',
    ...o,
  };
}

/** A GeoJSON rectangle. */
export const box = (x0: number, y0: number, x1: number, y1: number): NonNullable<TArea['geometry']> => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

/**
 * A state of emergency over Lima province in force from 10 days ago for 50 days, with its RUF, directive and CCO
 * plan (so a task in Lima today is lawful), in the shape `POST /api/v1/legal/instruments` takes. The decree is first.
 */
export function aBasisInForceInLima(): InstrumentBody[] {
  const [from, to] = [limaDay(-10), limaDay(40)];
  const decree = aDecree(Number(from.slice(0, 4)), { ubigeo: ['1501'] }, { validFrom: from, validTo: to });
  return [decree, ...supportingFor(decree, from, to)];
}

/**
 * Moves the legal registry's change version well away from any earlier reading in this process. Without it the
 * PostgreSQL variant of a file that reads the registry after the embedded one missed the first instrument (cause not
 * yet found) although the registry copy is kept per database handle (versioned-cache.ts).
 */
export async function forgetRegistryReadings(db: Queryable): Promise<void> {
  await db.query(`UPDATE change_version SET version = version + $1 WHERE scope = 'legal_registry'`, [1 + Math.floor(Math.random() * 1_000_000)]);
}
