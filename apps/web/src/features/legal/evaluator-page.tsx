import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TASKS, UNIT_FORCES, ZMember, ZUnitEquipment } from '@enlace/rules';
import type { TTaskingInput } from '@enlace/rules';
import { z } from 'zod';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { addDays, limaToday } from './instrument-model.ts';
import { evaluateTaskingRequest, type TStoredTaskingResult } from './legal-api.ts';
import { LegalTabs } from './legal-tabs.tsx';
import { ScenarioResults } from './scenario-results.tsx';
import './legal.css';

type TForce = (typeof UNIT_FORCES)[number];
type TTask = (typeof TASKS)[number];

const EXAMPLE_MEMBERS = (until: string) => [
  { id: 'M01', designatedLethal: true, equipment: ['RADIO', 'BASTON', 'CHALECO', 'FUSIL'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: until }, { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: until }, { area: 'PROCEDIMIENTOS_DETENCION', validUntil: until }] },
  { id: 'M02', equipment: ['RADIO', 'BASTON', 'CHALECO'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: until }, { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: until }, { area: 'PROCEDIMIENTOS_DETENCION', validUntil: until }] },
  { id: 'M03', equipment: ['RADIO', 'GAS_PIMIENTA', 'CHALECO'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: until }, { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: until }, { area: 'PROCEDIMIENTOS_DETENCION', validUntil: until }] },
  { id: 'M04', equipment: ['RADIO', 'BASTON', 'CHALECO'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: until }, { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: until }, { area: 'PROCEDIMIENTOS_DETENCION', validUntil: until }] },
  { id: 'M05', equipment: ['RADIO', 'TASER', 'CHALECO'], trainings: [{ area: 'DERECHOS_HUMANOS', validUntil: until }, { area: 'MARCO_LEGAL_USO_FUERZA', validUntil: until }, { area: 'PROCEDIMIENTOS_DETENCION', validUntil: until }] },
];

/** Parses an optional JSON list field; an empty field is "not given". */
function parseList<T extends z.ZodType>(text: string, schema: T): { ok: true; value: z.output<T>[] | undefined } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    const parsed = z.array(schema).safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/**
 * One tasking request as a form (unit, task, area as UBIGEO codes, period, optional members and equipment), decided
 * by the server against the registry, the rule set and the protocols in force; the answer shows each finding with its
 * legal reference and remedy.
 */
export function EvaluatorPage() {
  const { t } = useTranslation();
  const today = limaToday();
  const [unitId, setUnitId] = useState('');
  const [unitName, setUnitName] = useState('');
  const [force, setForce] = useState<TForce>('EJERCITO');
  const [task, setTask] = useState<TTask>('PATRULLAJE_CONJUNTO');
  const [ubigeo, setUbigeo] = useState('');
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(today);
  const [coordinator, setCoordinator] = useState('');
  const [members, setMembers] = useState('');
  const [equipment, setEquipment] = useState('');
  const [result, setResult] = useState<TStoredTaskingResult | null>(null);
  const { busy, errors, setErrors, send } = useSubmission();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const codes = ubigeo.split(/[\s,;]+/).filter(Boolean);
    const parsedMembers = parseList(members, ZMember);
    const parsedEquipment = parseList(equipment, ZUnitEquipment);
    const problems = [
      ...(codes.length === 0 || codes.some((c) => !/^(\d{2}|\d{4}|\d{6})$/.test(c)) ? [t('legal.evaluator.invalidUbigeo')] : []),
      ...(parsedMembers.ok ? [] : [t('legal.evaluator.invalidJson', { field: t('legal.evaluator.members') })]),
      ...(parsedEquipment.ok ? [] : [t('legal.evaluator.invalidJson', { field: t('legal.evaluator.equipment') })]),
    ];
    setErrors(problems);
    if (problems.length > 0 || !parsedMembers.ok || !parsedEquipment.ok) return;
    const input: TTaskingInput = {
      unit: {
        id: unitId.trim() || 'UNIDAD',
        force,
        ...(unitName.trim() ? { name: unitName.trim() } : {}),
        ...(parsedMembers.value ? { members: parsedMembers.value } : {}),
        ...(parsedEquipment.value ? { equipment: parsedEquipment.value } : {}),
      },
      task,
      area: { ubigeo: codes },
      start,
      end,
      ...(coordinator.trim() ? { pnpCoordinator: coordinator.trim() } : {}),
    };
    setResult(null);
    await send(async () => {
      setResult(await evaluateTaskingRequest(input));
    });
  };

  return (
    <section>
      <PageHeader title={t('legal.evaluator.title')}>
        <p className="muted">{t('legal.evaluator.intro')}</p>
      </PageHeader>
      <LegalTabs />
      <form className="card form-grid evaluator-form" onSubmit={(e) => { void submit(e); }} noValidate>
        <TextField label={t('legal.evaluator.unitId')} value={unitId} onValueChange={setUnitId} maxLength={128} />
        <TextField label={t('legal.evaluator.unitName')} value={unitName} onValueChange={setUnitName} maxLength={300} />
        <SelectField
          label={t('legal.evaluator.force')}
          value={force}
          options={UNIT_FORCES.map((f) => ({ value: f, label: t(`legal.unitForce.${f}`) }))}
          onValueChange={(v) => { setForce(UNIT_FORCES.find((f) => f === v) ?? 'EJERCITO'); }}
        />
        <SelectField
          label={t('legal.evaluator.task')}
          value={task}
          options={TASKS.map((k) => ({ value: k, label: t(`legal.task.${k}`) }))}
          onValueChange={(v) => { setTask(TASKS.find((k) => k === v) ?? 'PATRULLAJE_CONJUNTO'); }}
        />
        <TextField label={t('legal.evaluator.ubigeo')} value={ubigeo} onValueChange={setUbigeo} hint={t('legal.evaluator.ubigeoHint')} required placeholder="150101, 150105" />
        <TextField label={t('legal.evaluator.coordinator')} value={coordinator} onValueChange={setCoordinator} maxLength={300} />
        <TextField label={t('legal.evaluator.start')} type="date" value={start} onValueChange={setStart} required />
        <TextField label={t('legal.evaluator.end')} type="date" value={end} onValueChange={setEnd} required />
        <div className="field field-wide">
          <label htmlFor="evaluator-members">{t('legal.evaluator.members')}</label>
          <textarea id="evaluator-members" rows={6} spellCheck={false} value={members} onChange={(e) => setMembers(e.target.value)} aria-describedby="evaluator-members-hint" />
          <p id="evaluator-members-hint" className="field-hint">{t('legal.evaluator.membersHint')}</p>
        </div>
        <div className="field field-wide">
          <label htmlFor="evaluator-equipment">{t('legal.evaluator.equipment')}</label>
          <textarea id="evaluator-equipment" rows={2} spellCheck={false} value={equipment} onChange={(e) => setEquipment(e.target.value)} aria-describedby="evaluator-equipment-hint" />
          <p id="evaluator-equipment-hint" className="field-hint">{t('legal.evaluator.equipmentHint')}</p>
        </div>
        {errors.length > 0 && (
          <Alert kind="error">
            <ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul>
          </Alert>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => { setMembers(JSON.stringify(EXAMPLE_MEMBERS(addDays(today, 365)), null, 2)); }}>
            {t('legal.evaluator.example')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('legal.evaluator.submitting') : t('legal.evaluator.submit')}
          </button>
        </div>
      </form>
      {result && (
        <section aria-label={t('legal.evaluator.result')}>
          <ScenarioResults results={[{ ...result, id: result.evaluationId }]} />
        </section>
      )}
    </section>
  );
}
