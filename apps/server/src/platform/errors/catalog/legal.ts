import type { CatalogEntry } from './entry.ts';

/** Errors of the legal basis: instruments, rule sets, scenario files, protocols. */
export const LEGAL_ERRORS = {
  SCENARIO_INVALID: {
    status: 400,
    es: 'El archivo de escenario no es válido en {path}: {reason}',
    en: 'The scenario file is not valid at {path}: {reason}',
  },
  INSTRUMENT_REJECTED: {
    status: 422,
    es: 'El instrumento no puede registrarse: {reasons}',
    en: 'The instrument cannot be registered: {reasons}',
  },
  RECORDS_CHANGING: {
    status: 409,
    es: 'El registro legal, las reglas, los protocolos o los registros de la unidad cambiaron mientras se evaluaba la tarea ({attempts} intentos): vuelva a enviarla.',
    en: 'The legal registry, rules, protocols or the unit\'s records changed while the tasking was being evaluated ({attempts} attempts): send it again.',
  },
  INSTRUMENT_ID_TAKEN: {
    status: 409,
    es: 'Ya existe un instrumento con el identificador «{id}».',
    en: 'An instrument with id "{id}" already exists.',
  },
  RULE_SET_INVALID: {
    status: 422,
    es: 'El conjunto de reglas no es válido en {path}: {reason}',
    en: 'The rule set is not valid at {path}: {reason}',
  },
  RULE_SET_VERSION_TAKEN: {
    status: 409,
    es: 'La versión de reglas «{version}» ya existe: use una versión nueva.',
    en: 'Rule-set version "{version}" already exists: use a new version.',
  },
  INSTRUMENT_EDIT_REJECTED: {
    status: 422,
    es: 'El instrumento no puede modificarse: {reasons}',
    en: 'The instrument cannot be changed: {reasons}',
  },
  INSTRUMENT_EDIT_BREAKS_DEPENDENT: {
    status: 422,
    es: 'El cambio dejaría inválido a «{dependent}», que depende de este instrumento: {reasons}',
    en: 'The change would make "{dependent}", which depends on this instrument, invalid: {reasons}',
  },
  INSTRUMENT_ID_MISMATCH: {
    status: 400,
    es: 'El identificador del cuerpo («{body}») no coincide con el de la dirección («{path}»).',
    en: 'The id in the body ("{body}") does not match the id in the path ("{path}").',
  },
  INSTRUMENT_ALREADY_REVOKED: {
    status: 409,
    es: 'El instrumento ya fue derogado desde el {revokedOn} por {by}; una derogación no se modifica.',
    en: 'The instrument was already revoked from {revokedOn} by {by}; a revocation cannot be changed.',
  },
  INSTRUMENT_REVOCATION_AFTER_END: {
    status: 422,
    es: 'El instrumento ya no rige el {revokedOn} (su último día es el {validTo}): derogue la prórroga vigente.',
    en: 'The instrument is no longer in force on {revokedOn} (its last day is {validTo}): revoke the extension in force.',
  },
  INSTRUMENT_PARENT_REVOKED: {
    status: 422,
    es: 'No se puede prorrogar «{parent}»: fue derogado desde el {revokedOn} (Constitución, art. 137: cada prórroga sigue a un decreto vigente).',
    en: '"{parent}" cannot be extended: it was revoked from {revokedOn} (Constitution art. 137: each extension follows a decree in force).',
  },
  PROTOCOL_APPROVAL_SAME_USER: {
    status: 409,
    es: 'Usted ya aprobó esta versión: un protocolo conjunto necesita dos aprobadores distintos, uno de la PNP y uno de las FF.AA. ({legalRef}).',
    en: 'You have already approved this version: a joint protocol needs two different approvers, one of the PNP and one of the FF.AA. ({legalRef}).',
  },
  PROTOCOL_APPROVAL_SAME_FORCE: {
    status: 409,
    es: 'La {side} ya aprobó esta versión ({by}): falta la aprobación de la otra fuerza ({legalRef}).',
    en: 'The {side} has already approved this version ({by}): the other force\'s approval is missing ({legalRef}).',
  },
  PROTOCOL_APPROVER_NO_SIDE: {
    status: 403,
    es: 'Los usuarios de {agency} no aprueban protocolos conjuntos: aprueban una autoridad de la PNP y una de las FF.AA. ({legalRef}).',
    en: 'Users of {agency} do not approve joint protocols: one PNP and one FF.AA. authority do ({legalRef}).',
  },
  PROTOCOL_NOT_PENDING: {
    status: 409,
    es: 'Esta versión ya no espera aprobación (estado: {status}); redacte una versión nueva ({legalRef}).',
    en: 'This version no longer awaits approval (status: {status}); draft a new version ({legalRef}).',
  },
  PROTOCOL_VERSION_OUTDATED: {
    status: 409,
    es: 'La versión {version} es anterior a la vigente ({current}) y no puede entrar en vigor ({legalRef}).',
    en: 'Version {version} is older than the one in force ({current}) and cannot take effect ({legalRef}).',
  },
} as const satisfies Record<string, CatalogEntry>;
