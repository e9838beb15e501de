import type { TTrainingArea } from '../codes.ts';
import type { TLadderLevel } from '../force/force-ladder.ts';
import type { TProtocolDraftInput, TProtocolEquipment, TProtocolStep } from './protocol.schema.ts';

/**
 * Sample joint protocols for the demo and the tests: the PNP and FF.AA. versions of four procedures, written from the
 * legal-framework note (DL 1186 art. 7 and 8, DL 1095, CPP art. 260, the 2020 practice of police on every military
 * patrol). They are Enlace's illustration, not official texts; a real deployment drafts its own through the API.
 */

type TStepSpec = readonly [code: string, es: string, en: string, level: TLadderLevel, extra?: { equipment?: TProtocolStep['equipment']; training?: TTrainingArea[] }];

const steps = (specs: readonly TStepSpec[]): TProtocolStep[] =>
  specs.map(([code, es, en, maxForceLevel, extra]) => ({
    code,
    title: { es, en },
    maxForceLevel,
    equipment: extra?.equipment ?? [],
    training: extra?.training ?? [],
  }));
const perMember = (...categories: TProtocolEquipment['category'][]): TProtocolEquipment[] =>
  categories.map((category) => ({ category, scope: 'PER_MEMBER', quantity: 1 }));

const DL1186 = 'Decreto Legislativo 1186, arts. 7 y 8';
const DL1095 = 'Decreto Legislativo 1095 y DS 003-2020-DE';
const CPP260 = 'Código Procesal Penal, art. 260';

export const SAMPLE_PROTOCOLS: readonly TProtocolDraftInput[] = [
  {
    procedure: 'PATRULLAJE_CONJUNTO',
    force: 'PNP',
    title: { es: 'Patrullaje conjunto (versión PNP)', en: 'Joint patrol (PNP version)' },
    tasks: ['PATRULLAJE_CONJUNTO'],
    steps: steps([
      ['INSTRUCCION', 'Instrucción previa: misión, zona, escala de fuerza', 'Briefing: mission, zone, force ladder', 1],
      ['PRESENCIA', 'Presencia policial y patrullaje', 'Police presence and patrol', 1, { equipment: ['RADIO'] }],
      ['IDENTIFICACION', 'Identificación y verbalización', 'Identification and verbalisation', 2],
      ['CONTROL_CONTACTO', 'Control de contacto y registro personal', 'Contact control and personal search', 3],
      ['REDUCCION', 'Control físico y tácticas defensivas no letales', 'Physical control and non-lethal defensive tactics', 5, { equipment: ['BASTON'] }],
      ['FUERZA_LETAL', 'Fuerza letal, solo en los supuestos del art. 8 y con advertencia', 'Lethal force, only on the art. 8 grounds and after a warning', 6, { training: ['MARCO_LEGAL_USO_FUERZA'] }],
      ['INFORME', 'Parte e informe al superior', 'Report to the superior', 1],
    ]),
    equipment: perMember('RADIO', 'CHALECO'),
    training: ['DERECHOS_HUMANOS'],
    legalRefs: [DL1186],
  },
  {
    procedure: 'PATRULLAJE_CONJUNTO',
    force: 'FFAA',
    title: { es: 'Patrullaje conjunto (versión FF.AA.)', en: 'Joint patrol (FF.AA. version)' },
    tasks: ['PATRULLAJE_CONJUNTO'],
    steps: steps([
      ['INSTRUCCION', 'Instrucción previa con el efectivo PNP asignado', 'Briefing with the assigned PNP officer', 1],
      ['PRESENCIA', 'Presencia preventiva y contacto visual, con efectivo PNP en la patrulla', 'Preventive presence and visual contact, with a PNP officer on the patrol', 1, { equipment: ['RADIO'] }],
      ['IDENTIFICACION', 'Comunicación verbal: «alto» hasta tres veces', 'Verbal communication: "halt" up to three times', 2],
      ['REDUCCION', 'Fuerza corporal y medios no letales', 'Bodily force and non-lethal means', 5, { equipment: ['BASTON'] }],
      ['FUERZA_LETAL', 'Arma de fuego, excepcional, con identificación y advertencia', 'Firearm, exceptionally, after identification and warning', 6, { training: ['MARCO_LEGAL_USO_FUERZA'] }],
      ['ENTREGA_PNP', 'Entrega inmediata a la PNP de la persona aprehendida', 'Immediate hand-over of any apprehended person to the PNP', 1, { training: ['PROCEDIMIENTOS_DETENCION'] }],
      ['INFORME', 'Informe al comando y a la autoridad policial coordinadora', 'Report to command and to the coordinating police authority', 1],
    ]),
    equipment: perMember('RADIO', 'CHALECO'),
    training: ['DERECHOS_HUMANOS'],
    legalRefs: [DL1095, DL1186],
  },
  {
    procedure: 'PUESTO_CONTROL',
    force: 'PNP',
    title: { es: 'Puesto de control (versión PNP)', en: 'Checkpoint (PNP version)' },
    tasks: ['PUESTO_CONTROL'],
    steps: steps([
      ['SENALIZACION', 'Señalización e instalación del puesto', 'Signs and set-up of the checkpoint', 1],
      ['ALTO', 'Orden de alto y verbalización', 'Order to stop and verbalisation', 2],
      ['IDENTIFICACION', 'Identificación de personas y documentos', 'Identification of people and papers', 2],
      ['REGISTRO', 'Registro vehicular y personal', 'Vehicle and personal search', 3],
      ['REDUCCION', 'Control físico y tácticas defensivas no letales', 'Physical control and non-lethal defensive tactics', 5],
      ['FUERZA_LETAL', 'Fuerza letal, solo en los supuestos del art. 8', 'Lethal force, only on the art. 8 grounds', 6],
      ['INFORME', 'Registro de intervenciones', 'Log of interventions', 1],
    ]),
    equipment: perMember('RADIO', 'CHALECO'),
    legalRefs: [DL1186],
  },
  {
    procedure: 'PUESTO_CONTROL',
    force: 'FFAA',
    title: { es: 'Puesto de control (versión FF.AA.)', en: 'Checkpoint (FF.AA. version)' },
    tasks: ['PUESTO_CONTROL'],
    steps: steps([
      ['SENALIZACION', 'Señalización e instalación del puesto junto a la PNP', 'Signs and set-up of the checkpoint with the PNP', 1],
      ['ALTO', 'Orden de alto', 'Order to stop', 2],
      ['SEGURIDAD_PERIMETRO', 'Seguridad del perímetro; el registro lo hace la PNP', 'Perimeter security; searches are made by the PNP', 1],
      ['REDUCCION', 'Fuerza corporal y medios no letales', 'Bodily force and non-lethal means', 5],
      ['FUERZA_LETAL', 'Arma de fuego, excepcional', 'Firearm, exceptionally', 6],
      ['INFORME', 'Informe al comando', 'Report to command', 1],
    ]),
    equipment: perMember('RADIO', 'CHALECO'),
    legalRefs: [DL1095],
  },
  {
    procedure: 'APOYO_CONTROL_MULTITUDES',
    force: 'PNP',
    title: { es: 'Control de multitudes (versión PNP)', en: 'Crowd management (PNP version)' },
    tasks: ['CONTROL_MULTITUDES_APOYO'],
    steps: steps([
      ['DIALOGO', 'Diálogo con los organizadores', 'Dialogue with the organisers', 2],
      ['CONTENCION', 'Contención con escudos', 'Containment with shields', 4, { equipment: ['ESCUDO', 'CASCO'] }],
      ['DISPERSION', 'Dispersión con medios no letales, previa advertencia', 'Dispersal with non-lethal means, after a warning', 5],
      ['FUERZA_LETAL', 'Fuerza letal solo ante peligro inminente de muerte en un motín violento', 'Lethal force only against imminent danger of death in a violent riot', 6],
      ['INFORME', 'Informe, atención médica y notificación', 'Report, medical aid and notification', 1],
    ]),
    equipment: perMember('RADIO', 'ESCUDO', 'CASCO', 'CHALECO'),
    training: ['CONTROL_MULTITUDES'],
    legalRefs: [DL1186],
  },
  {
    procedure: 'APOYO_CONTROL_MULTITUDES',
    force: 'FFAA',
    title: { es: 'Apoyo al control de multitudes (versión FF.AA.)', en: 'Crowd management support (FF.AA. version)' },
    tasks: ['CONTROL_MULTITUDES_APOYO'],
    steps: steps([
      ['PERIMETRO', 'Seguridad de perímetro detrás de la línea PNP', 'Perimeter security behind the PNP line', 1],
      ['CONTENCION', 'Contención con escudos, a pedido del mando PNP', 'Containment with shields, at the PNP commander\'s request', 4, { equipment: ['ESCUDO', 'CASCO'] }],
      ['INFORME', 'Informe al comando y a la PNP', 'Report to command and to the PNP', 1],
    ]),
    equipment: perMember('RADIO', 'ESCUDO', 'CASCO', 'CHALECO'),
    training: ['CONTROL_MULTITUDES'],
    legalRefs: [DL1095, DL1186],
  },
  {
    procedure: 'APREHENSION_ENTREGA',
    force: 'PNP',
    title: { es: 'Detención en flagrancia y entrega (versión PNP)', en: 'Arrest in flagrante and hand-over (PNP version)' },
    tasks: ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'CONTROL_MULTITUDES_APOYO'],
    steps: steps([
      ['ALTO', 'Orden de alto e identificación', 'Order to stop and identification', 2],
      ['DETENCION', 'Detención en flagrancia', 'Arrest in flagrante', 4],
      ['DERECHOS', 'Lectura de derechos y motivo de la detención', 'Reading of rights and the reason for the arrest', 2],
      ['REGISTRO_DATOS', 'Registro de identidad, edad, estado físico y objetos', 'Record of identity, age, physical state and items', 1],
      ['TRASLADO', 'Traslado a la comisaría y cadena de custodia', 'Transfer to the police station and chain of custody', 1],
      ['NOTIFICACION', 'Notificación al Ministerio Público y a los familiares', 'Notification of the Ministerio Público and relatives', 1],
    ]),
    training: ['PROCEDIMIENTOS_DETENCION'],
    legalRefs: ['Constitución Política del Perú, art. 2.24.f', DL1186],
  },
  {
    procedure: 'APREHENSION_ENTREGA',
    force: 'FFAA',
    title: { es: 'Arresto ciudadano y entrega a la PNP (versión FF.AA.)', en: 'Citizen\'s arrest and hand-over to the PNP (FF.AA. version)' },
    tasks: ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'CONTROL_MULTITUDES_APOYO'],
    steps: steps([
      ['ALTO', '«Alto» hasta tres veces', '"Halt" up to three times', 2],
      ['DETENCION', 'Arresto ciudadano: sin interrogatorio ni encierro', 'Citizen\'s arrest: no questioning, no confinement', 4],
      ['REGISTRO_DATOS', 'Registro de identidad, motivo y hora', 'Record of identity, reason and time', 1],
      ['TRASLADO', 'Entrega inmediata en la comisaría más cercana', 'Immediate hand-over at the nearest police station', 1],
      ['ACTA', 'Acta de entrega firmada por el efectivo PNP', 'Hand-over record signed by the PNP officer', 1],
    ]),
    training: ['PROCEDIMIENTOS_DETENCION'],
    legalRefs: [CPP260, DL1095],
  },
];
