import type { AnyImportKind } from '../../platform/import/import-kind.ts';
import { incidentAggregatesImport, incidentsImport } from '../incidents/incidents.import.ts';
import { equipmentImport } from './kinds/equipment.import.ts';
import { personnelImport } from './kinds/personnel.import.ts';
import { trainingImport } from './kinds/training.import.ts';
import { unitsImport } from './kinds/units.import.ts';

/**
 * Every kind of record that can be imported from CSV. A new kind adds one line here (see
 * `platform/import/import-kind.ts` for what a kind provides).
 */
export const IMPORT_KINDS: readonly AnyImportKind[] = [unitsImport, personnelImport, equipmentImport, trainingImport, incidentsImport, incidentAggregatesImport];
