import type { CatalogEntry } from './entry.ts';

/** Errors of forces, training and readiness: personnel, equipment, courses, certificates, imports. */
export const FORCES_ERRORS = {
  UNIT_ECHELON_NOT_OF_FORCE: {
    status: 422,
    es: 'El escalón «{echelon}» no existe en la organización de {force}; use uno de: {allowed}.',
    en: 'Echelon "{echelon}" is not part of the {force} organisation; use one of: {allowed}.',
  },
  UNIT_PARENT_CYCLE: {
    status: 422,
    es: 'La unidad no puede depender de sí misma ni de una de sus subordinadas.',
    en: 'A unit cannot report to itself or to one of its subordinates.',
  },
  UNIT_PARENT_OTHER_FORCE: {
    status: 422,
    es: 'Una unidad de {force} no puede depender de una unidad de {parentForce}: cada fuerza tiene su propia cadena de mando y solo el CCFFAA está por encima de los mandos del EP, la MGP y la FAP. La cooperación entre fuerzas se registra como relación de mando de una operación.',
    en: 'A {force} unit cannot report to a {parentForce} unit: each force has its own chain of command and only the CCFFAA sits above the EP, MGP and FAP commands. Cooperation between forces is recorded as a command relationship of an operation.',
  },
  UNIT_PARENT_NOT_HIGHER: {
    status: 422,
    es: 'Una unidad de escalón «{echelon}» solo puede depender de un escalón superior ({higher}), no de «{parentEchelon}».',
    en: 'A unit of echelon "{echelon}" can only report to a higher echelon ({higher}), not to "{parentEchelon}".',
  },
  UNIT_CHILDREN_NOT_LOWER: {
    status: 422,
    es: 'Con el escalón «{echelon}» la unidad ya no estaría por encima de sus subordinadas {children}: reubíquelas antes de cambiar el escalón.',
    en: 'With echelon "{echelon}" the unit would no longer be above its subordinates {children}: move them before changing the echelon.',
  },
  UNIT_AREA_INVALID: {
    status: 400,
    es: 'El área de responsabilidad no es un polígono válido: {reason}',
    en: 'The area of responsibility is not a valid polygon: {reason}',
  },
  PERSON_DOCUMENT_TAKEN: {
    status: 409,
    es: 'Ya existe un efectivo con el documento {documentType} {documentNumber}.',
    en: 'A member with document {documentType} {documentNumber} already exists.',
  },
  PERSON_AGENCY_MISMATCH: {
    status: 422,
    es: 'Un efectivo pertenece a la institución de su unidad: trasládelo solo entre unidades de {agency} (para otras, use una comisión de servicio).',
    en: 'A member belongs to their unit\'s agency: move them only between units of {agency} (otherwise use a secondment).',
  },
  SECONDMENT_OVERLAP: {
    status: 409,
    es: 'El efectivo ya tiene una comisión de servicio solicitada o aprobada que se superpone con ese periodo.',
    en: 'The member already has a requested or approved secondment overlapping that period.',
  },
  SECONDMENT_SAME_UNIT: {
    status: 422,
    es: 'La comisión de servicio debe ser a una unidad distinta de la unidad del efectivo.',
    en: 'A secondment must be to a unit other than the member\'s own.',
  },
  SECONDMENT_NOT_PENDING: {
    status: 409,
    es: 'La comisión de servicio ya fue resuelta ({status}); no puede {decision}se.',
    en: 'The secondment has already been decided ({status}); it cannot be changed with "{decision}".',
  },
  EQUIPMENT_SERIAL_REQUIRED: {
    status: 422,
    es: 'Un arma letal ({category}) se registra por número de serie, una por registro, asignada a un efectivo.',
    en: 'A lethal weapon ({category}) is recorded by serial, one per record, assigned to a member.',
  },
  EQUIPMENT_SERIAL_QUANTITY: {
    status: 422,
    es: 'Un equipo con número de serie tiene cantidad 1.',
    en: 'An item with a serial has quantity 1.',
  },
  EQUIPMENT_SERIAL_TAKEN: {
    status: 409,
    es: 'Ya existe un equipo {category} con la serie {serial}.',
    en: 'An item {category} with serial {serial} already exists.',
  },
  EQUIPMENT_ASSIGNEE_INVALID: {
    status: 422,
    es: 'El equipo solo puede asignarse a un efectivo de la misma unidad.',
    en: 'Equipment can only be assigned to a member of the same unit.',
  },
  EQUIPMENT_LETHAL_NOT_DESIGNATED: {
    status: 422,
    es: 'El arma letal solo puede asignarse a un efectivo designado para portarla (DL 1095, título III; DS 003-2020-DE).',
    en: 'A lethal weapon may only be assigned to a member designated to carry one (DL 1095, title III; DS 003-2020-DE).',
  },
  EQUIPMENT_DETAILS_MISMATCH: {
    status: 422,
    es: 'Los datos de {details} solo corresponden a la categoría {category}.',
    en: 'The {details} details only belong to category {category}.',
  },
  EQUIPMENT_DETAILS_REQUIRED: {
    status: 422,
    es: 'Un equipo {category} se registra con sus datos ({details}): una radio con sus modos (analógico, P25, TETRA, DMR) y grupos de conversación; un dron con modelo, cámara y enlace de video; un vehículo con placa y tipo.',
    en: 'A {category} item is recorded with its {details} details: a radio with its modes (analog, P25, TETRA, DMR) and talkgroups; a drone with model, camera and video link; a vehicle with plate and kind.',
  },
  COURSE_CODE_TAKEN: {
    status: 409,
    es: 'Ya existe un curso con el código «{code}».',
    en: 'A course with code "{code}" already exists.',
  },
  SESSION_CANCELLED: {
    status: 409,
    es: 'La sesión de capacitación fue cancelada: no admite asistencia ni resultados.',
    en: 'The training session was cancelled: it takes no attendance or results.',
  },
  SESSION_FULL: {
    status: 409,
    es: 'La sesión tiene {capacity} vacantes y se registrarían {requested} participantes.',
    en: 'The session has {capacity} seats and {requested} participants would be recorded.',
  },
  TRAINING_PASSED_WITHOUT_ATTENDANCE: {
    status: 422,
    es: 'No se puede aprobar a quien no asistió (efectivo {personId}).',
    en: 'A member who did not attend cannot pass (member {personId}).',
  },
  CERTIFICATE_EXISTS: {
    status: 409,
    es: 'El efectivo ya tiene un certificado de {courseCode} emitido el {issuedOn}.',
    en: 'The member already holds a {courseCode} certificate issued on {issuedOn}.',
  },
  CERTIFICATE_ALREADY_REVOKED: {
    status: 409,
    es: 'El certificado ya estaba revocado.',
    en: 'The certificate was already revoked.',
  },
  VERIFY_RATE_LIMITED: {
    status: 429,
    es: 'Demasiadas verificaciones desde su dirección. Espere {retryAfter} segundos.',
    en: 'Too many verifications from your address. Wait {retryAfter} seconds.',
  },
  JOINT_EXERCISE_NEEDS_BOTH_FORCES: {
    status: 422,
    es: 'Un ejercicio conjunto incluye al menos una unidad de la PNP y una de las Fuerzas Armadas.',
    en: 'A joint exercise includes at least one PNP unit and one unit of the armed forces.',
  },
  READINESS_OVERRIDE_NEEDS_REMARK: {
    status: 422,
    es: 'El comandante solo puede modificar el nivel de alistamiento calculado con una observación escrita que lo justifique.',
    en: 'The commander may override the computed readiness level only with a written remark that justifies it.',
  },
  READINESS_STANDARD_INVALID: {
    status: 422,
    es: 'El estándar de alistamiento no es válido en «{path}» ({rule}); los detalles listan cada problema.',
    en: 'The readiness standard is not valid at "{path}" ({rule}); the details list every problem.',
  },
  READINESS_STANDARD_VERSION_TAKEN: {
    status: 409,
    es: 'La versión «{version}» del estándar de alistamiento ya existe: use una versión nueva.',
    en: 'Readiness standard version "{version}" already exists: use a new version.',
  },
  READINESS_NOT_COMPUTED: {
    status: 404,
    es: 'El alistamiento de esta unidad aún no se ha calculado.',
    en: 'This unit\'s readiness has not been computed yet.',
  },
  UNIT_TASK_NOT_IN_STANDARD: {
    status: 422,
    es: 'Las tareas {unknown} no tienen tarea esencial (MET) en el estándar de alistamiento vigente ({standard}); use de: {known}.',
    en: 'Tasks {unknown} have no mission-essential task (MET) in the readiness standard in force ({standard}); use some of: {known}.',
  },
  UNIT_DIRECTED_ACTION_NEEDS_REMARK: {
    status: 422,
    es: 'Una unidad en acción dirigida de recursos (reconstitución, reorganización) se reporta C5 solo con una observación escrita (al menos {min} caracteres) que indique la orden y el motivo.',
    en: 'A unit under a directed resource action (reconstitution, re-organisation) is reported C5 only with a written remark (at least {min} characters) naming the order and the reason.',
  },
  UNIT_DIRECTED_ACTION_COMMANDER_ONLY: {
    status: 403,
    es: 'Solo el comandante (permiso de alistamiento del comando) declara o levanta una acción dirigida de recursos: deja a la unidad en C5, como una modificación del nivel, y queda auditado.',
    en: "Only the commander (the command's readiness permission) declares or lifts a directed resource action: it puts the unit at C5, as an override of its level does, and is audited.",
  },
} as const satisfies Record<string, CatalogEntry>;
