import type { TForce, TForcesEquipmentCategory, TPersonStatus } from '@enlace/contracts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import { addDays } from '@enlace/rules';
import { limaToday } from '../forces/forces-access.ts';
import { createEquipment } from '../forces/create-equipment.ts';
import { createPerson } from '../forces/create-person.ts';
import { recomputeNationalReadiness } from '../readiness/recompute-national-readiness.ts';
import { issueCertificate } from '../training/issue-certificate.ts';
import { createJointExercise } from '../training/create-joint-exercise.ts';
import { evaluateJointExercise } from '../training/evaluate-joint-exercise.ts';
import { recordResults } from '../training/record-results.ts';
import { createSession } from '../training/create-session.ts';
import { demoActor } from './demo-actor.ts';

/**
 * Demo forces of Lima and Callao: a few hundred members of the 18 demo units with ranks, documents and status;
 * their equipment (crowd-control and non-lethal means, lethal weapons by serial, radios with modes and talkgroups,
 * drones, vehicles); certificates (some expiring within weeks, some expired); training sessions past and planned; a
 * joint PNP-EP exercise evaluated and another planned; readiness computed for every unit. As the seed article describes, the training and
 * crowd-control equipment sit in the PNP's USE and a few Army units (1.ª BFFEE, BCMDO 19); the Navy and Air Force
 * units have little of either. Generated deterministically (a seeded PRNG), dated relative to the seeding day.
 */

/** A unit's profile: size, who records it, how trained and equipped it is (0..1). */
interface DemoForceProfile {
  members: number;
  by: string;
  trainer: string | null;
  training: number;
  crowdKit: number;
  drones: number;
  vehicles: number;
}

const PROFILES: Readonly<Record<string, DemoForceProfile>> = {
  'rp-lima': { members: 6, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.7, crowdKit: 0, drones: 0, vehicles: 2 },
  'divpol-c1': { members: 7, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.6, crowdKit: 0, drones: 0, vehicles: 2 },
  'cpnp-ugarte': { members: 21, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.55, crowdKit: 0.3, drones: 0, vehicles: 3 },
  'cpnp-miraflores': { members: 18, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.6, crowdKit: 0.2, drones: 1, vehicles: 3 },
  'cpnp-sjl': { members: 24, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.45, crowdKit: 0.2, drones: 0, vehicles: 2 },
  use: { members: 34, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.995, crowdKit: 1, drones: 3, vehicles: 5 },
  'rp-callao': { members: 8, by: 'pnp.operador', trainer: 'pnp.comandante', training: 0.5, crowdKit: 0, drones: 0, vehicles: 2 },
  ccffaa: { members: 5, by: 'ccffaa.comandante', trainer: 'ccffaa.comandante', training: 0.8, crowdKit: 0, drones: 0, vehicles: 1 },
  'co-centro': { members: 6, by: 'ccffaa.comandante', trainer: 'ccffaa.comandante', training: 0.7, crowdKit: 0, drones: 0, vehicles: 1 },
  'ep-2div': { members: 6, by: 'ep.comandante', trainer: 'ep.instructor', training: 0.6, crowdKit: 0, drones: 0, vehicles: 1 },
  'ep-1bfe': { members: 10, by: 'ep.comandante', trainer: 'ep.instructor', training: 0.92, crowdKit: 0.8, drones: 2, vehicles: 2 },
  'ep-bcmdo19': { members: 21, by: 'ep.comandante', trainer: 'ep.instructor', training: 0.97, crowdKit: 0.9, drones: 2, vehicles: 3 },
  'ep-cia-apoyo': { members: 28, by: 'ep.comandante', trainer: 'ep.instructor', training: 0.5, crowdKit: 0.6, drones: 1, vehicles: 3 },
  'ep-cia-ejercicio': { members: 11, by: 'ep.comandante', trainer: 'ep.instructor', training: 0.4, crowdKit: 0.5, drones: 0, vehicles: 1 },
  'mgp-com': { members: 5, by: 'mgp.operador', trainer: null, training: 0, crowdKit: 0, drones: 0, vehicles: 1 },
  'mgp-bim1': { members: 21, by: 'mgp.operador', trainer: null, training: 0, crowdKit: 0.1, drones: 0, vehicles: 2 },
  'fap-coa': { members: 5, by: 'fap.operador', trainer: null, training: 0, crowdKit: 0, drones: 0, vehicles: 1 },
  'fap-g8': { members: 14, by: 'fap.operador', trainer: null, training: 0, crowdKit: 0, drones: 1, vehicles: 2 },
};

const RANKS: Readonly<Record<TForce, readonly string[]>> = {
  PNP: ['S3 PNP', 'S3 PNP', 'S2 PNP', 'S2 PNP', 'S1 PNP', 'SB PNP', 'ST3 PNP', 'Alf. PNP', 'Tte. PNP', 'Cap. PNP', 'My. PNP'],
  EP: ['Sldo.', 'Sldo.', 'Cabo', 'Cabo', 'Sgto. 2°', 'Sgto. 1°', 'Tco. 3°', 'Subtte.', 'Tte.', 'Cap.', 'My.'],
  MGP: ['Mar.', 'Mar.', 'Cabo', 'OM3', 'OM2', 'OM1', 'Alf. Frag.', 'Tte. 2°', 'Tte. 1°', 'Cap. Corb.'],
  FAP: ['Avcdo.', 'Avcdo.', 'Sub Of. 3°', 'Sub Of. 2°', 'Sub Of. 1°', 'Alf. FAP', 'Tte. FAP', 'Cap. FAP', 'My. FAP'],
  CCFFAA: ['Sgto. 1°', 'Tco. 2°', 'Cap.', 'My.', 'Tte. Crnl.', 'Crnl.'],
};
const SPECIALTIES: Readonly<Record<TForce, readonly string[]>> = {
  PNP: ['Orden público', 'Patrullaje motorizado', 'Investigación criminal', 'Tránsito', 'Servicios especiales'],
  EP: ['Infantería', 'Comandos', 'Comunicaciones', 'Ingeniería', 'Sanidad'],
  MGP: ['Infantería de marina', 'Comunicaciones navales', 'Sanidad naval'],
  FAP: ['Defensa aérea', 'Comunicaciones', 'Operaciones aéreas', 'Seguridad de bases'],
  CCFFAA: ['Estado mayor conjunto', 'Asesoría jurídica operacional', 'Comunicaciones'],
};
const GIVEN = ['Juan', 'José', 'Luis', 'Carlos', 'Miguel', 'Jorge', 'Víctor', 'César', 'Pedro', 'Raúl', 'Wilmer', 'Edwin', 'Rosa',
  'María', 'Carmen', 'Ana', 'Lucía', 'Milagros', 'Yesenia', 'Diana', 'Sofía', 'Flor', 'Gladys', 'Kevin', 'Jhon', 'Brayan', 'Elmer',
  'Fredy', 'Nilton', 'Percy', 'Rocío', 'Katherine'];
const FAMILY = ['Quispe', 'Huamán', 'Mamani', 'Flores', 'Rojas', 'Sánchez', 'García', 'Chávez', 'Ramos', 'Torres', 'Vargas', 'Mendoza',
  'Castillo', 'Díaz', 'Espinoza', 'Ccori', 'Condori', 'Huarcaya', 'Paredes', 'Salazar', 'Cárdenas', 'Poma', 'Yupanqui', 'Tito',
  'Apaza', 'Villanueva', 'Gutiérrez', 'Reátegui', 'Benavides', 'Delgado', 'Soto', 'Cruz'];

/** Courses a member of a citizen-security support unit is expected to hold, and the extra ones of crowd units. */
const CORE_COURSES = ['DERECHOS_HUMANOS', 'DL1095_RUF', 'NORMAS_LEGALES', 'PROCEDIMIENTOS_DETENCION', 'CONTROL_MULTITUDES'] as const;
const EXTRA_COURSES = ['PERSUASION_NEGOCIACION', 'PRIMEROS_AUXILIOS', 'SEGURIDAD_DE_LA_FUERZA', 'ANALISIS_CRISIS_ORDEN_PUBLICO'] as const;
const VALIDITY: Readonly<Record<string, number>> = {
  DERECHOS_HUMANOS: 24, DL1095_RUF: 12, NORMAS_LEGALES: 24, PROCEDIMIENTOS_DETENCION: 24, CONTROL_MULTITUDES: 24,
  PERSUASION_NEGOCIACION: 36, PRIMEROS_AUXILIOS: 24, SEGURIDAD_DE_LA_FUERZA: 24, ANALISIS_CRISIS_ORDEN_PUBLICO: 36,
};

/** A small deterministic PRNG (mulberry32), so the demo is the same on every start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}


export interface ForcesSeedResult {
  personnel: number;
  equipment: number;
  certificates: number;
}

/** Seeds the demo forces for the demo units (`unitIds`: demo key → id, `forceOf`: demo key → force). */
export async function seedForcesDemo(
  db: Db,
  unitIds: ReadonlyMap<string, string>,
  forceOf: ReadonlyMap<string, TForce>,
  afterAudit?: () => void,
): Promise<ForcesSeedResult> {
  const rand = prng(20_260_301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const today = limaToday();
  let serial = 0;
  let dniSeq = 0;
  const result: ForcesSeedResult = { personnel: 0, equipment: 0, certificates: 0 };
  const people = new Map<string, { id: string; designated: boolean }[]>();

  for (const [key, profile] of Object.entries(PROFILES)) {
    const unitId = unitIds.get(key);
    const force = forceOf.get(key);
    if (!unitId || !force) continue;
    const actor = await demoActor(db, profile.by);
    await runAudited({ db, actor: auditActorOf(actor), afterAudit }, async (tx, audit) => {
      const roster: { id: string; designated: boolean }[] = [];
      for (let i = 0; i < profile.members; i++) {
        const r = rand();
        const available = profile.training >= 0.9 ? 0.96 : 0.84;
        const status: TPersonStatus = r < available ? 'available' : r < available + 0.08 ? 'on_leave' : 'deployed';
        const designated = i % 7 === 0;
        dniSeq += 1;
        const person = await createPerson(tx, audit, actor, {
          unitId,
          givenNames: `${pick(GIVEN)}${rand() < 0.4 ? ` ${pick(GIVEN)}` : ''}`,
          familyNames: `${pick(FAMILY)} ${pick(FAMILY)}`,
          rank: pick(RANKS[force]),
          specialty: pick(SPECIALTIES[force]),
          status,
          designatedLethal: designated,
          documentType: 'DNI',
          documentNumber: String(41_000_000 + dniSeq * 7),
          birthDate: addDays('1975-01-01', Math.floor(rand() * 9000)),
          phone: `+51 9${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
          classification: 'CONFIDENCIAL',
          exercise: false,
        });
        roster.push({ id: person.id, designated });
      }
      people.set(key, roster);
      result.personnel += roster.length;

      const lot = async (category: TForcesEquipmentCategory, item: string, quantity: number, condition: 'serviceable' | 'in_repair' | 'unserviceable' = 'serviceable', extra: object = {}): Promise<void> => {
        if (quantity <= 0) return;
        await createEquipment(tx, audit, actor, { unitId, category, item, quantity, condition, classification: 'CONFIDENCIAL', exercise: false, ...extra });
        result.equipment += 1;
      };
      const n = profile.members;
      const kit = Math.round(n * profile.crowdKit);
      await lot('ESCUDO', 'Escudo antimotines de policarbonato', kit);
      await lot('CASCO', 'Casco antimotines con visor', kit);
      await lot('CHALECO', 'Chaleco de protección nivel IIIA', Math.round(n * Math.max(profile.crowdKit, 0.3)));
      await lot('MASCARA_ANTIGAS', 'Máscara antigás M50', Math.round(kit * (profile.crowdKit >= 0.8 ? 1 : 0.6)));
      await lot('BASTON', 'Vara policial tonfa', Math.round(n * (force === 'PNP' ? Math.max(0.9, profile.crowdKit) : profile.crowdKit)));
      await lot('GAS_PIMIENTA', 'Rociador de gas pimienta (OC)', Math.round(n * (profile.crowdKit >= 0.8 ? 1 : force === 'PNP' ? 0.6 : profile.crowdKit * 0.5)));
      await lot('LANZADOR_MENOS_LETAL', 'Lanzador de proyectiles menos letales 40 mm', Math.round(kit * 0.1));
      await lot('TASER', 'Dispositivo de control eléctrico', force === 'PNP' ? Math.round(n * 0.05) : 0);
      await lot('ESCUDO', 'Escudo antimotines de policarbonato', Math.round(kit * 0.1), 'in_repair');
      await lot('CASCO', 'Casco antimotines con visor', Math.round(kit * 0.05), 'unserviceable');
      const radioModes = force === 'PNP' ? ['P25', 'analog'] : force === 'MGP' ? ['analog'] : ['DMR', 'analog'];
      await lot('RADIO', force === 'PNP' ? 'Motorola APX 6000 (P25)' : 'Radio portátil Hytera PD (DMR)', Math.round(n * (profile.crowdKit >= 0.8 ? 1 : force === 'PNP' ? 0.7 : 0.4)), 'serviceable', {
        radio: { modes: radioModes, talkgroups: [`${force}-LIMA-1`, 'CCO-LIMA-CALLAO'] },
      });
      await lot('DRON', 'DJI Matrice 30T', profile.drones, 'serviceable', {
        drone: { model: 'DJI Matrice 30T', camera: 'Térmica + zoom 200x', videoLink: 'OcuSync 3 cifrado, retransmisión al C4' },
      });
      for (let v = 0; v < profile.vehicles; v++) {
        await createEquipment(tx, audit, actor, {
          unitId, category: 'VEHICULO', item: v % 2 === 0 ? 'Camioneta Toyota Hilux 4x4' : 'Camión de transporte de personal',
          serial: `PLACA-${force}-${key.toUpperCase()}-${v + 1}`.slice(0, 60), quantity: 1, condition: v === 2 ? 'in_repair' : 'serviceable',
          vehicle: { plate: `E${String(1000 + serial + v)}`, kind: v % 2 === 0 ? 'Camioneta' : 'Camión', hasRadio: v % 3 !== 2 },
          classification: 'CONFIDENCIAL', exercise: false,
        });
        result.equipment += 1;
      }
      // Lethal weapons only by serial, assigned to designated members.
      for (const m of roster.filter((x) => x.designated)) {
        serial += 1;
        const rifle = force !== 'PNP' && rand() < 0.6;
        await createEquipment(tx, audit, actor, {
          unitId, category: rifle ? 'FUSIL' : 'PISTOLA', item: rifle ? 'Fusil Galil ACE 22' : 'Pistola Pietro Beretta 92FS',
          serial: `${force}-${rifle ? 'FSL' : 'PST'}-${String(100_000 + serial)}`, quantity: 1, condition: 'serviceable', assignedTo: m.id,
          classification: 'CONFIDENCIAL', exercise: false,
        });
        result.equipment += 1;
      }
    });
  }

  // Certificates, by each unit's training profile: a share expiring within 90 days, some expired.
  for (const [key, profile] of Object.entries(PROFILES)) {
    if (!profile.trainer) continue;
    const roster = people.get(key) ?? [];
    const trainer = await demoActor(db, profile.trainer);
    await runAudited({ db, actor: auditActorOf(trainer), afterAudit }, async (tx, audit) => {
      for (const m of roster) {
        const courses = [...CORE_COURSES, ...(profile.crowdKit > 0.4 ? EXTRA_COURSES : [])];
        for (const course of courses) {
          if (rand() > profile.training) continue;
          const months = VALIDITY[course] ?? 24;
          const r = rand();
          // Remaining validity: expired (10 %, none in the best-trained units), expiring within 90 days (12 %), or
          // comfortably valid.
          const expiredShare = profile.training >= 0.9 ? 0 : 0.1;
          const remaining = r < expiredShare ? -Math.floor(rand() * 200) - 1 : r < expiredShare + 0.12 ? Math.floor(rand() * 90) : 90 + Math.floor(rand() * (months * 30 - 100));
          const validUntil = addDays(today, remaining);
          const issuedOn = addDays(validUntil, -(months * 30) + 1);
          await issueCertificate(tx, audit, trainer, { personId: m.id, courseCode: course, issuedOn, validUntil });
          result.certificates += 1;
        }
      }
    });
  }

  // The training calendar: a completed session with results, and sessions planned in the coming weeks.
  const epTrainer = await demoActor(db, 'ep.instructor');
  const pnpCommander = await demoActor(db, 'pnp.comandante');
  const apoyo = unitIds.get('ep-cia-apoyo');
  const use = unitIds.get('use');
  const ugarte = unitIds.get('cpnp-ugarte');
  const ejercicio = unitIds.get('ep-cia-ejercicio');
  if (apoyo && use && ugarte && ejercicio) {
    await runAudited({ db, actor: auditActorOf(epTrainer), afterAudit }, async (tx, audit) => {
      const past = await createSession(tx, audit, epTrainer, {
        courseCode: 'CONTROL_MULTITUDES', unitId: apoyo, startsOn: addDays(today, -40), endsOn: addDays(today, -30),
        location: 'Fuerte Rafael Hoyos Rubio, Rímac', ubigeo: '150128', trainers: ['My. EP Ricardo Chávez Poma', 'Cmdte. PNP (USE) instructor invitado'],
        capacity: 30, classification: 'PUBLICO', exercise: false,
      });
      const trainees = (people.get('ep-cia-apoyo') ?? []).slice(0, 24);
      await recordResults(tx, audit, epTrainer, past.id, {
        records: trainees.map((m, i) => ({ personId: m.id, attended: i % 12 !== 5, result: i % 12 === 5 ? 'incomplete' : i % 8 === 3 ? 'failed' : 'passed', score: 55 + ((i * 7) % 45) })),
        issueCertificates: true,
        complete: true,
      });
      for (const [course, offset] of [['DERECHOS_HUMANOS', 7], ['DL1095_RUF', 14], ['PROCEDIMIENTOS_DETENCION', 28]] as const) {
        await createSession(tx, audit, epTrainer, {
          courseCode: course, unitId: apoyo, startsOn: addDays(today, offset), endsOn: addDays(today, offset + 4),
          location: 'Cuartel General del Ejército, San Borja', ubigeo: '150130', trainers: ['My. EP Ricardo Chávez Poma'], capacity: 35,
          classification: 'PUBLICO', exercise: false,
        });
      }
      const joint = await createJointExercise(tx, audit, epTrainer, {
        name: 'Ejercicio conjunto PNP-EP «Lima Norte 2026»',
        scenario: 'Movilización con bloqueo de la Panamericana Norte en Independencia; la PNP conduce el control de multitudes, ' +
          'la Compañía de Ejercicio brinda seguridad perimétrica a la subestación eléctrica bajo control operacional de la PNP.',
        startsOn: addDays(today, -10), endsOn: addDays(today, -9), ubigeo: '150112',
        units: [{ unitId: ejercicio, role: 'Seguridad perimétrica de instalación estratégica' }, { unitId: ugarte, role: 'Conducción y control de multitudes' }],
        classification: 'PUBLICO',
      });
      await evaluateJointExercise(tx, audit, epTrainer, joint.id, {
        evaluation: { rating: 'needs_improvement', summary: 'Mando unificado efectivo; comunicaciones no interoperables entre radios P25 (PNP) y DMR (EP).', evaluator: 'CCFFAA - Jefatura de Instrucción' },
        lessons: [
          { observation: 'Las radios de ambas fuerzas no comparten modo ni grupo de conversación.', recommendation: 'Plan de comunicaciones con pasarela P25-DMR y grupo CCO-LIMA-CALLAO.', responsible: 'CCFFAA / PNP' },
          { observation: 'Personal EP sin curso vigente de procedimientos de detención.', recommendation: 'Curso antes del próximo empleo; entrega inmediata de detenidos a la PNP.', responsible: '2.ª DE' },
        ],
      });
      // The next exercise, planned: the PNP can open a sharing agreement over it with the EP (its exercise data only).
      await createJointExercise(tx, audit, epTrainer, {
        name: 'Ejercicio conjunto PNP-EP «Callao Seguro 2026»',
        scenario: 'Paro de transportistas con bloqueo de la Av. Néstor Gambetta; la PNP conduce el restablecimiento del orden, ' +
          'la Compañía de Ejercicio protege el acceso al terminal portuario bajo control operacional de la PNP.',
        startsOn: addDays(today, 21), endsOn: addDays(today, 22), ubigeo: '070101',
        units: [{ unitId: ejercicio, role: 'Protección de instalación estratégica (terminal portuario)' }, { unitId: ugarte, role: 'Restablecimiento del orden público' }],
        classification: 'PUBLICO',
      });
    });
    await runAudited({ db, actor: auditActorOf(pnpCommander), afterAudit }, async (tx, audit) => {
      await createSession(tx, audit, pnpCommander, {
        courseCode: 'PERSUASION_NEGOCIACION', unitId: use, startsOn: addDays(today, 10), endsOn: addDays(today, 12),
        location: 'Escuela de Oficiales PNP, Chorrillos', ubigeo: '150108', trainers: ['Cmdte. PNP Luis Vargas Soto'], capacity: 25,
        classification: 'PUBLICO', exercise: false,
      });
    });
  }

  // Readiness of every unit, computed by each agency's commander or operator.
  for (const username of ['pnp.comandante', 'ep.comandante', 'ccffaa.comandante', 'mgp.operador', 'fap.operador']) {
    const actor = await demoActor(db, username);
    await runAudited({ db, actor: auditActorOf(actor), afterAudit }, (tx, audit) => recomputeNationalReadiness(tx, audit, actor));
  }
  return result;
}
