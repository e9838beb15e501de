import type { TLegalRef } from './rule-set.schema.ts';

/**
 * The legal references of the default rule set, from /work/shared/domain/legal-framework.md. Where the note gives no
 * article (the full texts of DS 003-2020-DE, the current RUF and DL 1095 arts. 21-25 were not available), `article`
 * is null and `unverified` is true, so every finding shows "(unverified)" until a lawyer corrects the rule set.
 */
const ref = (instrument: string, article: string | null, unverified: boolean): TLegalRef => ({ instrument, article, unverified });

export const REF = {
  constitucion137: ref('Constitución Política del Perú', 'art. 137', false),
  constitucion137Derechos: ref('Constitución Política del Perú', 'art. 137.1 (art. 2 incs. 9, 11, 12 y 24.f)', false),
  constitucion166: ref('Constitución Política del Perú', 'art. 166', true),
  dl1095: ref('Decreto Legislativo 1095 y su reglamento (DS 003-2020-DE)', null, true),
  dl1095Directiva: ref('Decreto Legislativo 1095; RS de intervención: directiva aprobada por MINDEF', null, true),
  ruf: ref('Reglas de uso de la fuerza de las FF.AA. (RUF 2023) y protocolo de la tarea', null, true),
  dl1186Art7: ref('Decreto Legislativo 1186', 'art. 7', false),
  dl1186Art8: ref('Decreto Legislativo 1186', 'art. 8', true),
  advertencia: ref(
    'Decreto Legislativo 1186 (PNP); Decreto Legislativo 1095 y su reglamento, DS 003-2020-DE, y RUF 2023 (FF.AA.)',
    'art. 8 del DL 1186',
    true,
  ),
  ley32291: ref('Ley 32291 (modifica el Decreto Legislativo 1186)', 'art. 8.4 del DL 1186', true),
  alvaradoEspinoza: ref('Corte IDH, caso Alvarado Espinoza y otros vs. México (2018)', null, false),
  monteroAranguren: ref('Corte IDH, caso Montero Aranguren y otros (Retén de Catia) vs. Venezuela (2006)', null, false),
  registro: ref('Enlace: integridad del registro de instrumentos', null, false),
} as const;
