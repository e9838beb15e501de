import { describe, expect, it } from 'vitest';
import { compareProtocols } from './compare-protocols.ts';
import type { TProtocolDraft, TProtocolStep } from './protocol.schema.ts';
import { ZProtocolDraft } from './protocol.schema.ts';
import { SAMPLE_PROTOCOLS } from './sample-protocols.ts';

const step = (code: string, maxForceLevel: 1 | 2 | 3 | 4 | 5 | 6, o: Partial<TProtocolStep> = {}): TProtocolStep => ({
  code,
  title: { es: code, en: code },
  maxForceLevel,
  equipment: [],
  training: [],
  ...o,
});
const protocol = (steps: TProtocolStep[], o: Partial<TProtocolDraft> = {}): TProtocolDraft => ({
  procedure: 'PATRULLAJE_CONJUNTO',
  force: 'PNP',
  title: { es: 'P', en: 'P' },
  tasks: ['PATRULLAJE_CONJUNTO'],
  steps,
  equipment: [],
  training: [],
  legalRefs: [],
  ...o,
});
const sample = (procedure: string, force: string): TProtocolDraft =>
  ZProtocolDraft.parse(SAMPLE_PROTOCOLS.find((p) => p.procedure === procedure && p.force === force));

describe('compareProtocols', () => {
  it('finds no difference between a protocol and itself', () => {
    const p = sample('PATRULLAJE_CONJUNTO', 'PNP');
    const result = compareProtocols(p, p);
    expect(result.header).toEqual([]);
    expect(result.steps.every((s) => s.status === 'same' && !s.moved)).toBe(true);
    expect(result.summary).toMatchObject({ same: p.steps.length, reworded: 0, changed: 0, onlyLeft: 0, onlyRight: 0, moved: 0 });
  });

  it('aligns the PNP and FF.AA. joint patrol step by step', () => {
    const result = compareProtocols(sample('PATRULLAJE_CONJUNTO', 'PNP'), sample('PATRULLAJE_CONJUNTO', 'FFAA'));
    expect(result.steps.map((s) => [s.code, s.status])).toEqual([
      ['INSTRUCCION', 'reworded'],
      ['PRESENCIA', 'reworded'],
      ['IDENTIFICACION', 'reworded'],
      ['CONTROL_CONTACTO', 'only_left'],
      ['REDUCCION', 'reworded'],
      ['FUERZA_LETAL', 'reworded'],
      ['ENTREGA_PNP', 'only_right'],
      ['INFORME', 'reworded'],
    ]);
    expect(result.steps.find((s) => s.code === 'CONTROL_CONTACTO')).toMatchObject({ leftPosition: 4, rightPosition: null, right: null });
    expect(result.header).toContainEqual({ field: 'legalRefs', added: ['Decreto Legislativo 1095 y DS 003-2020-DE'], removed: [] });
  });

  it('tells a reworded step from one whose force level, equipment or training changed', () => {
    const left = protocol([step('A', 2), step('B', 3)]);
    const right = protocol([step('A', 2, { title: { es: 'Otro', en: 'Other' } }), step('B', 4)]);
    expect(compareProtocols(left, right).steps.map((s) => s.status)).toEqual(['reworded', 'changed']);
  });

  it('reports force level, equipment and training changes of a step', () => {
    const left = protocol([step('A', 2, { equipment: ['RADIO'], training: ['DERECHOS_HUMANOS'] })]);
    const right = protocol([step('A', 5, { equipment: ['RADIO', 'BASTON'], training: [] })]);
    const [row] = compareProtocols(left, right).steps;
    expect(row?.status).toBe('changed');
    expect(row?.changes).toEqual([
      { field: 'maxForceLevel', left: 2, right: 5 },
      { field: 'equipment', added: ['BASTON'], removed: [] },
      { field: 'training', added: [], removed: ['DERECHOS_HUMANOS'] },
    ]);
    expect(compareProtocols(left, right).summary.maxForceLevel).toEqual({ left: 2, right: 5 });
  });

  it('marks a step that changed place as moved and keeps every step once', () => {
    const left = protocol([step('A', 1), step('B', 2), step('C', 3)]);
    const right = protocol([step('C', 3), step('A', 1), step('B', 2)]);
    const result = compareProtocols(left, right);
    expect(result.steps.map((s) => [s.code, s.status, s.moved])).toEqual([
      ['C', 'same', true],
      ['A', 'same', false],
      ['B', 'same', false],
    ]);
    expect(result.summary.moved).toBe(1);
  });

  it('is symmetric: swapping the sides swaps only_left and only_right', () => {
    const a = sample('APREHENSION_ENTREGA', 'PNP');
    const b = sample('APREHENSION_ENTREGA', 'FFAA');
    const ab = compareProtocols(a, b).summary;
    const ba = compareProtocols(b, a).summary;
    expect([ab.onlyLeft, ab.onlyRight, ab.changed, ab.reworded, ab.same]).toEqual([ba.onlyRight, ba.onlyLeft, ba.changed, ba.reworded, ba.same]);
  });

  it('reports protocol-level task, equipment and training differences', () => {
    const left = protocol([step('A', 1)], { tasks: ['PATRULLAJE_CONJUNTO'], equipment: [{ category: 'RADIO', scope: 'PER_MEMBER', quantity: 1 }] });
    const right = protocol([step('A', 1)], { tasks: ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL'], training: ['CONTROL_MULTITUDES'] });
    expect(compareProtocols(left, right).header).toEqual([
      { field: 'tasks', added: ['PUESTO_CONTROL'], removed: [] },
      { field: 'equipment', added: [], removed: ['RADIO×1 c/u'] },
      { field: 'training', added: ['CONTROL_MULTITUDES'], removed: [] },
    ]);
  });
});

describe('ZProtocolDraft', () => {
  it('accepts every sample protocol', () => {
    for (const p of SAMPLE_PROTOCOLS) expect(ZProtocolDraft.safeParse(p).success, `${p.procedure} ${p.force}`).toBe(true);
  });
  it('refuses duplicate step codes and an FF.AA. protocol for criminal investigation', () => {
    const base = sample('PATRULLAJE_CONJUNTO', 'FFAA');
    const dup = ZProtocolDraft.safeParse({ ...base, steps: [base.steps[0], base.steps[0]] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.path).toEqual(['steps', 1, 'code']);
    const investigation = ZProtocolDraft.safeParse({ ...base, tasks: ['INVESTIGACION_CRIMINAL'] });
    expect(investigation.error?.issues[0]?.message).toMatch(/INVESTIGACION_CRIMINAL/);
    expect(ZProtocolDraft.safeParse({ ...base, force: 'PNP', tasks: ['INVESTIGACION_CRIMINAL'] }).success).toBe(true);
  });
});
