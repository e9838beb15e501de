import type { CatalogEntry } from './entry.ts';

/** Errors of incidents, sharing agreements and crime analysis. */
export const INCIDENTS_ERRORS = {
  INCIDENT_UNKNOWN_LOCAL_CODE: {
    status: 422,
    es: 'El código "{code}" del sistema {system} no figura en la tabla de correspondencia de tipos de delito. Un administrador, comandante o analista puede agregarlo en Incidencias › Tipos de delito (/incidents/crime-types) y volver a importar.',
    en: 'Code "{code}" of system {system} is not in the crime-type mapping table. An administrator, commander or analyst can add it under Incidents › Crime types (/incidents/crime-types); then import again.',
  },
  INCIDENT_MAPPING_IN_USE: {
    status: 409,
    es: 'La correspondencia {system} / "{code}" no se puede eliminar: la usan {count} registros (incidencias o conteos por distrito y mes), que dejarían de poder reimportarse. Puede cambiar su tipo de delito en lugar de eliminarla.',
    en: 'Mapping {system} / "{code}" cannot be removed: {count} records (incidents or district-by-month counts) use it and could no longer be re-imported. You can change its crime type instead.',
  },
  INCIDENT_BAD_COORDINATES: {
    status: 422,
    es: 'Las coordenadas no son válidas en {crs}: {reason}',
    en: 'The coordinates are not valid in {crs}: {reason}',
  },
  INCIDENT_BAD_CRS: {
    status: 422,
    es: 'Sistema de coordenadas no admitido: {crs}. Use EPSG:4326 (longitud/latitud) o una zona UTM (EPSG:326xx / 327xx).',
    en: 'Unsupported coordinate system: {crs}. Use EPSG:4326 (longitude/latitude) or a UTM zone (EPSG:326xx / 327xx).',
  },
  INCIDENT_BAD_TIME: {
    status: 422,
    es: 'La fecha y hora "{value}" no es válida.',
    en: 'The date and time "{value}" is not valid.',
  },
  INCIDENT_FUTURE_TIME: {
    status: 422,
    es: 'La fecha del hecho ({value}) es posterior a la fecha actual.',
    en: 'The incident time ({value}) is in the future.',
  },
  INCIDENT_BAD_TIME_ZONE: {
    status: 422,
    es: 'Zona horaria desconocida: {zone}.',
    en: 'Unknown time zone: {zone}.',
  },
  INCIDENT_BAD_COUNT: {
    status: 422,
    es: 'La cantidad "{value}" no es un número entero no negativo.',
    en: 'The count "{value}" is not a non-negative whole number.',
  },
  INCIDENT_UNKNOWN_DISTRICT: {
    status: 422,
    es: 'El UBIGEO {ubigeo} no es un distrito de la geografía de referencia.',
    en: 'UBIGEO {ubigeo} is not a district of the reference geography.',
  },
  INCIDENT_OTHER_AGENCY: {
    status: 403,
    es: 'Solo puede registrar incidencias de su propia institución ({agency}).',
    en: 'You may only record incidents of your own agency ({agency}).',
  },
  INCIDENT_DUPLICATE_SOURCE_REF: {
    status: 409,
    es: 'Ya existe una incidencia {source}/{sourceRef} que usted no puede ver o que difiere de esta.',
    en: 'An incident {source}/{sourceRef} already exists that you cannot see or that differs from this one.',
  },
  INCIDENT_EXPORT_TOO_LARGE: {
    status: 413,
    es: 'La exportación tendría {count} incidencias; el máximo es {max}. Acote el área o el periodo.',
    en: 'The export would hold {count} incidents; the maximum is {max}. Narrow the area or the period.',
  },
  INCIDENT_MAPPING_PNP_ONLY: {
    status: 403,
    es: 'La tabla que clasifica los códigos locales de delito es común a todas las instituciones y la clasificación de la estadística delictiva corresponde a la PNP (SIDPOL): solo sus comandantes y analistas, o un administrador de la plataforma, la modifican. Su institución: {agency}.',
    en: "The table that classifies local crime codes is shared by every agency, and classifying crime statistics is the PNP's task (SIDPOL): only its commanders and analysts, or a platform administrator, change it. Your agency: {agency}.",
  },
  SHARING_NO_BASIS: {
    status: 422,
    es: 'El instrumento legal {id} no existe o usted no puede consultarlo; un acuerdo de intercambio requiere una base legal vigente.',
    en: 'Legal instrument {id} does not exist or you cannot read it; a sharing agreement needs a legal basis.',
  },
  SHARING_INSTRUMENT_WITHOUT_AREA: {
    status: 422,
    es: 'El instrumento {id} no define un área (UBIGEO o polígono): el acuerdo no puede delimitar qué datos se comparten.',
    en: 'Instrument {id} defines no area (UBIGEO or polygon): the agreement cannot bound which data is shared.',
  },
  SHARING_OUTSIDE_INSTRUMENT_PERIOD: {
    status: 422,
    es: 'El periodo del acuerdo ({from} a {to}) debe estar dentro de la vigencia del instrumento ({validFrom} a {validTo}).',
    en: 'The agreement period ({from} to {to}) must lie within the instrument validity ({validFrom} to {validTo}).',
  },
  SHARING_NO_EXERCISE: {
    status: 422,
    es: 'El ejercicio conjunto {id} no existe o usted no puede consultarlo.',
    en: 'Joint exercise {id} does not exist or you cannot read it.',
  },
  SHARING_EXERCISE_NOT_JOINT: {
    status: 422,
    es: 'El ejercicio no incluye unidades de {owner} y de {recipient}: solo un ejercicio conjunto de ambas puede sustentar el intercambio.',
    en: 'The exercise does not involve units of both {owner} and {recipient}: only a joint exercise of both can support the sharing.',
  },
  SHARING_SAME_AGENCY: {
    status: 422,
    es: 'La institución receptora debe ser distinta de la propietaria de los datos.',
    en: 'The recipient agency must differ from the data owner.',
  },
  SHARING_NOT_ACTIVE: {
    status: 403,
    es: 'El acuerdo de intercambio no está vigente ({status}); el acceso a los datos terminó o aún no empieza.',
    en: 'The sharing agreement is not in force ({status}); access to the data has ended or has not started.',
  },
  SHARING_BASIS_REVOKED: {
    status: 403,
    es: 'El acuerdo de intercambio terminó por la derogación de {instrument} desde el {revokedOn} por {by}: sin un decreto de estado de emergencia (Constitución, art. 137) o una resolución suprema (DL 1095) vigente, las FF.AA. no tienen base legal para acceder a datos de la PNP.',
    en: 'The sharing agreement ended with the revocation of {instrument} from {revokedOn} by {by}: without an emergency decree (Constitution art. 137) or supreme resolution (DL 1095) in force, the armed forces have no legal basis to access PNP data.',
  },
  SHARING_INSTRUMENT_REVOKED: {
    status: 422,
    es: 'El instrumento {instrument} fue derogado desde el {revokedOn} por {by}, y con él las prórrogas que lo siguen: desde ese día ya no da base legal para compartir datos de la PNP con las FF.AA. (Constitución, art. 137; DL 1095). Un acuerdo no puede apoyarse en él ni extenderse más allá del {lastDay}.',
    en: 'Instrument {instrument} was revoked from {revokedOn} by {by}, and the extensions that follow it with it: from that day it no longer gives a legal basis to share PNP data with the armed forces (Constitution art. 137; DL 1095). An agreement cannot rest on it or run past {lastDay}.',
  },
  SHARING_PERIOD_OVER: {
    status: 422,
    es: 'El acuerdo terminaría el {to}, antes de hoy ({today}), y no daría ningún día de acceso: su base (instrumento legal o ejercicio conjunto) rige solo hasta el {basisTo}. Un acuerdo debe apoyarse en una base vigente (Constitución, art. 137; DL 1095).',
    en: 'The agreement would end on {to}, before today ({today}), and would give no day of access: its basis (legal instrument or joint exercise) holds only until {basisTo}. An agreement must rest on a basis in force (Constitution art. 137; DL 1095).',
  },
  SHARING_ALREADY_ENDED: {
    status: 409,
    es: 'El acuerdo ya fue terminado.',
    en: 'The agreement has already been ended.',
  },
  ANALYSIS_TOO_MANY_INCIDENTS: {
    status: 413,
    es: 'El análisis abarcaría {count} incidencias; el máximo para este método es {max}. Acote el área o el periodo.',
    en: 'The analysis would cover {count} incidents; the maximum for this method is {max}. Narrow the area or the period.',
  },
  ANALYSIS_NO_INCIDENTS: {
    status: 422,
    es: 'No hay incidencias en el área, periodo y tipos elegidos.',
    en: 'There are no incidents in the chosen area, period and types.',
  },
  ANALYSIS_BAD_PERIOD: {
    status: 422,
    es: 'Periodo no válido: {reason}',
    en: 'Invalid period: {reason}',
  },
  ANALYSIS_GRID_TOO_LARGE: {
    status: 422,
    es: 'La cuadrícula tendría {cells} celdas (máximo {max}); aumente el tamaño de celda o acote el área.',
    en: 'The grid would have {cells} cells (maximum {max}); increase the cell size or narrow the area.',
  },
  ANALYSIS_BAD_PARAMETERS: {
    status: 422,
    es: 'Parámetros de análisis no válidos: {reason}',
    en: 'Invalid analysis parameters: {reason}',
  },
} as const satisfies Record<string, CatalogEntry>;
