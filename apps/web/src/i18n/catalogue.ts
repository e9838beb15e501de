import analysisEn from './analysis.en.json';
import analysisEs from './analysis.es.json';
import copEn from './cop.en.json';
import copEs from './cop.es.json';
import en from './en.json';
import es from './es.json';
import forcesEn from './forces.en.json';
import forcesEs from './forces.es.json';
import importsEn from './imports.en.json';
import importsEs from './imports.es.json';
import incidentsEn from './incidents.en.json';
import incidentsEs from './incidents.es.json';
import protocolsEn from './protocols.en.json';
import secondmentsEn from './secondments.en.json';
import secondmentsEs from './secondments.es.json';
import unitEquipmentEn from './unit-equipment.en.json';
import unitEquipmentEs from './unit-equipment.es.json';
import protocolsEs from './protocols.es.json';
import sharingEn from './sharing.en.json';
import sharingEs from './sharing.es.json';
import trainingEn from './training.en.json';
import trainingEs from './training.es.json';
import crimeMappingsEn from './crime-mappings.en.json';
import crimeMappingsEs from './crime-mappings.es.json';
import incidentDetailEn from './incident-detail.en.json';
import incidentDetailEs from './incident-detail.es.json';

/**
 * The interface text: the shared catalogue (`es.json`, `en.json`) plus one file per feature area
 * (`<area>.<lang>.json`, whose single top-level key is the area), merged into one namespace.
 */
export const catalogueEs = { ...es, ...importsEs, ...forcesEs, ...copEs, ...incidentsEs, ...protocolsEs, ...analysisEs, ...sharingEs, ...trainingEs, ...secondmentsEs, ...unitEquipmentEs,
  ...incidentDetailEs, ...crimeMappingsEs };
export const catalogueEn = { ...en, ...importsEn, ...forcesEn, ...copEn, ...incidentsEn, ...protocolsEn, ...analysisEn, ...sharingEn, ...trainingEn, ...secondmentsEn, ...unitEquipmentEn,
  ...incidentDetailEn, ...crimeMappingsEn };
