/**
 * Symbol identification codes (SIDC) for the map, without drawing anything (pure, testable in Node).
 *
 * Enlace draws MIL-STD-2525D numeric codes (20 digits) for what it knows itself, and accepts 2525C letter codes
 * (15 characters) that come from TAK. A 2525D code reads:
 *
 *   10 | 0 3 | 10 | 0 | 0 | 00 | 200700 | 00 | 00
 *   version | context (0 reality, 1 exercise), identity (3 friend) | symbol set (10 land unit) | status
 *   (0 present) | HQ/task force | echelon amplifier | entity | modifier 1 | modifier 2
 *
 * The PNP is drawn with the law-enforcement entities (land unit 200700 "police", land equipment 170700 police
 * vehicle, sea 140300 law-enforcement vessel), the armed forces with military entities (infantry 121100, utility
 * vehicle 140100, patrol craft 120500, rotary wing 110200). Both are friends of the command post.
 */
import type { TForce } from '@enlace/contracts';

/** 2525D standard identity digit. */
export const IDENTITY = { pending: '0', unknown: '1', assumedFriend: '2', friend: '3', neutral: '4', suspect: '5', hostile: '6' } as const;
export type Identity = keyof typeof IDENTITY;

/** What a track is, as far as its symbol is concerned. */
export type TrackKind = 'unit' | 'person' | 'vehicle' | 'drone' | 'aircraft' | 'vessel';

/** 2525D echelon amplifiers (digits 9-10). Enlace echelons map to the nearest military size. */
export const ECHELON_AMPLIFIER: Record<string, string> = {
  escuadra: '12',
  peloton: '14',
  compania: '15',
  comisaria: '15',
  batallon: '16',
  escuadron: '16',
  unidad_especializada: '16',
  grupo: '17',
  ala: '18',
  brigada: '18',
  frente_policial: '18',
  division: '21',
  region: '22',
  comando_operacional: '22',
  comando: '23',
};

interface Entity {
  symbolSet: string;
  entity: string;
}

const POLICE: Record<TrackKind, Entity> = {
  unit: { symbolSet: '10', entity: '200700' },
  person: { symbolSet: '10', entity: '200700' },
  vehicle: { symbolSet: '15', entity: '170700' },
  drone: { symbolSet: '01', entity: '110300' },
  aircraft: { symbolSet: '01', entity: '110200' },
  vessel: { symbolSet: '30', entity: '140300' },
};

const MILITARY: Record<TrackKind, Entity> = {
  unit: { symbolSet: '10', entity: '121100' },
  person: { symbolSet: '10', entity: '121100' },
  vehicle: { symbolSet: '15', entity: '140100' },
  drone: { symbolSet: '01', entity: '110300' },
  aircraft: { symbolSet: '01', entity: '110200' },
  vessel: { symbolSet: '30', entity: '120500' },
};

export interface SidcInput {
  force: TForce | null;
  kind: TrackKind;
  identity?: Identity;
  /** Enlace echelon (`compania`, `batallon`...), drawn as the amplifier above the frame. */
  echelon?: string | null;
  exercise?: boolean;
}

/** The 2525D code of a unit, vehicle, drone... of a force (null force: a friend of unknown force, drawn as a unit). */
export function sidcFor(input: SidcInput): string {
  const table = input.force === 'PNP' ? POLICE : MILITARY;
  const { symbolSet, entity } = input.force === null && input.kind === 'unit' ? { symbolSet: '10', entity: '000000' } : table[input.kind];
  const echelon = symbolSet === '10' ? (ECHELON_AMPLIFIER[input.echelon ?? ''] ?? '00') : '00';
  const context = input.exercise ? '1' : '0';
  return `10${context}${IDENTITY[input.identity ?? 'friend']}${symbolSet}00${echelon}${entity}0000`;
}

/** The 2525D code of an incident (activity "criminal activity incident", identity unknown: yellow). */
export function incidentSidc(exercise = false): string {
  return `10${exercise ? '1' : '0'}14000001101000000`;
}

const COT_AFFILIATION = /^a-([pufnahsjk])-([PAGSUFXZ])(?:-(.*))?$/;

/**
 * A CoT atom type (`a-f-G-U-C`, `a-h-A-M-F-Q`) as a 2525C letter code (`SFGPUC---------`), which milsymbol draws.
 * Returns null for a type that is not an atom. CoT uses the same letters as 2525C after the dimension.
 */
export function cotTypeToLetterSidc(type: string): string | null {
  const m = COT_AFFILIATION.exec(type);
  if (!m) return null;
  const [, affiliation = 'u', dimension = 'G', rest = ''] = m;
  const fn = rest.split('-').join('').toUpperCase().slice(0, 6);
  return `S${affiliation.toUpperCase()}${dimension}P${fn.padEnd(6, '-')}-----`.slice(0, 15);
}

/** What a CoT type says the thing is: drones (`A-M-F-Q`, `A-C-F-q`), aircraft, vessels (`S`), vehicles (`G-E-V`). */
export function kindFromCotType(type: string): TrackKind {
  const m = COT_AFFILIATION.exec(type);
  if (!m) return 'unit';
  const dimension = m[2];
  const rest = (m[3] ?? '').toUpperCase();
  if (dimension === 'A') return /(^|-)Q(-|$)/.test(rest) || rest.startsWith('M-F-Q') ? 'drone' : 'aircraft';
  if (dimension === 'S') return 'vessel';
  if (rest.startsWith('E-V')) return 'vehicle';
  if (rest.startsWith('U')) return 'unit';
  return 'person';
}

/** Affiliation of a CoT type as a 2525D identity (a, p: pending/assumed; j, k: joker/faker are hostile). */
export function identityFromCotType(type: string): Identity {
  const a = COT_AFFILIATION.exec(type)?.[1];
  switch (a) {
    case 'f':
      return 'friend';
    case 'a':
      return 'assumedFriend';
    case 'h':
    case 'j':
    case 'k':
      return 'hostile';
    case 's':
      return 'suspect';
    case 'n':
      return 'neutral';
    case 'p':
      return 'pending';
    default:
      return 'unknown';
  }
}

/**
 * The code to draw for a track. Tracks of a known force get Enlace's 2525D symbols (law enforcement for the PNP);
 * anything else (a TAK user outside both forces, a hostile marker) keeps what its CoT type says, as a 2525C code.
 */
export function sidcForTrack(track: { type: string; force: TForce | null }, options: { echelon?: string | null; exercise?: boolean } = {}): string {
  const identity = identityFromCotType(track.type);
  const kind = kindFromCotType(track.type);
  if (track.force && (identity === 'friend' || identity === 'assumedFriend')) {
    return sidcFor({ force: track.force, kind, identity, echelon: options.echelon ?? null, exercise: options.exercise ?? false });
  }
  return cotTypeToLetterSidc(track.type) ?? sidcFor({ force: null, kind: 'unit', identity: 'unknown' });
}
