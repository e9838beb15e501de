import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TTrainingRecord } from '@enlace/contracts';
import { catalogueEs } from '../../i18n/catalogue.ts';
import { checkRecordRows, checkSessionDraft, emptySessionDraft, recordRows, trainersOf } from './session-draft.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: catalogueEs } } });
});

const UNIT = '0b3f1c2e-8d4a-4f6b-9c1d-2e3f4a5b6c7d';
const ANA = '2d5b3e4f-0a6c-4b8d-9e3f-4a5b6c7d8e9f';
const LUIS = '3e6c4f5a-1b7d-4c9e-8f4a-5b6c7d8e9fa0';
const RITA = '4f7d5a6b-2c8e-4d0f-9a5b-6c7d8e9fa0b1';

describe('the new-session form', () => {
  it('reads trainers one per line and sends the capacity as a number, an empty title left to the server', () => {
    expect(trainersOf(' My. EP Chávez \n\nCap. PNP Torres; Tte. Rojas ')).toEqual(['My. EP Chávez', 'Cap. PNP Torres', 'Tte. Rojas']);
    const checked = checkSessionDraft({ ...emptySessionDraft('2026-12-01', UNIT, 'DERECHOS_HUMANOS'), location: 'Fuerte Hoyos Rubio', trainers: 'My. EP Chávez', capacity: '25' });
    expect(checked).toEqual({
      ok: true,
      value: {
        courseCode: 'DERECHOS_HUMANOS', unitId: UNIT, startsOn: '2026-12-01', endsOn: '2026-12-01', location: 'Fuerte Hoyos Rubio', ubigeo: null,
        trainers: ['My. EP Chávez'], capacity: 25, classification: 'PUBLICO', exercise: false,
      },
    });
  });

  it('reports a missing course, unit, place and trainer, and days in the wrong order', () => {
    const checked = checkSessionDraft({ ...emptySessionDraft('2026-12-02'), endsOn: '2026-12-01', capacity: '0' });
    expect(checked.ok ? {} : checked.errors).toMatchObject({
      courseCode: 'Campo obligatorio.',
      unitId: 'Campo obligatorio.',
      location: 'Campo obligatorio.',
      trainers: 'Indique al menos un instructor.',
      capacity: 'Debe ser mayor o igual a 1.',
      endsOn: 'El último día no puede ser anterior al primero.',
    });
  });
});

const record = (personId: string, personName: string, extra: Partial<TTrainingRecord> = {}): TTrainingRecord => ({
  id: personId, sessionId: UNIT, personId, personName, attended: true, result: 'passed', score: 80, remarks: null, certificateId: null, ...extra,
});

describe('the attendance and results sheet', () => {
  it('lists the recorded members first, then the unit\'s other members blank, each part by name', () => {
    const rows = recordRows(
      [{ id: RITA, name: 'Sgto. Rita Zea' }, { id: ANA, name: 'Cap. Ana Quispe' }, { id: LUIS, name: 'Tte. Luis Rojas' }],
      [record(LUIS, 'Tte. Luis Rojas', { certificateId: RITA })],
    );
    expect(rows.map((r) => [r.name, r.recorded, r.result, r.score, r.certificateId])).toEqual([
      ['Tte. Luis Rojas', true, 'passed', '80', RITA],
      ['Cap. Ana Quispe', false, '', '', null],
      ['Sgto. Rita Zea', false, '', '', null],
    ]);
  });

  it('sends the recorded rows and the rows touched, and asks for certificates', () => {
    const rows = recordRows([{ id: ANA, name: 'Ana' }, { id: RITA, name: 'Rita' }], [record(LUIS, 'Luis', { result: 'failed', score: 40 })]);
    const ana = rows.find((r) => r.personId === ANA);
    if (ana) Object.assign(ana, { attended: true, result: 'passed', score: '87,5' });
    expect(checkRecordRows(rows, { complete: true })).toEqual({
      ok: true,
      value: {
        records: [
          { personId: LUIS, attended: true, result: 'failed', score: 40, remarks: null },
          { personId: ANA, attended: true, result: 'passed', score: 87.5, remarks: null },
        ],
        issueCertificates: true,
        complete: true,
      },
    });
  });

  it('refuses a pass without attendance and a score out of range, naming the member, and an empty sheet', () => {
    const rows = recordRows([{ id: ANA, name: 'Cap. Ana Quispe' }, { id: LUIS, name: 'Tte. Luis Rojas' }], []);
    rows[0] = { ...rows[0]!, result: 'passed' };
    rows[1] = { ...rows[1]!, attended: true, score: '120' };
    expect(checkRecordRows(rows, { complete: false })).toEqual({
      ok: false,
      errors: {
        [ANA]: 'Cap. Ana Quispe: no se puede aprobar a quien no asistió.',
        [LUIS]: 'Tte. Luis Rojas: la nota va de 0 a 100.',
      },
    });
    expect(checkRecordRows(recordRows([{ id: ANA, name: 'Ana' }], []), { complete: false })).toEqual({
      ok: false,
      errors: { records: 'Marque la asistencia o el resultado de al menos un efectivo.' },
    });
  });
});
