import { describe, expect, it } from 'vitest';
import { basisDraftOf, checkBasisDraft } from './unit-basis.ts';

const unit = { authorizedStrength: null, missionTasks: null, directedResourceAction: false, directedResourceRemark: null };

describe('the readiness basis form of a unit', () => {
  it('an empty strength means the roster, no own tasks the default list', () => {
    expect(checkBasisDraft(basisDraftOf(unit))).toEqual({
      ok: true,
      value: { authorizedStrength: null, missionTasks: null, directedResourceAction: false, directedResourceRemark: null },
    });
  });

  it.each([
    ['0', false], ['1', true], ['120', true], ['100000', true], ['100001', false], ['12.5', false], ['diez', false],
  ])('authorized strength "%s" accepted: %s', (text, ok) => {
    const r = checkBasisDraft({ ...basisDraftOf(unit), authorizedStrength: text });
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value.authorizedStrength).toBe(Number(text));
    else expect(r.errors).toEqual(['strength']);
  });

  it('own tasks need at least one; a directed resource action needs a remark of ten characters', () => {
    expect(checkBasisDraft({ ...basisDraftOf(unit), ownTasks: true, tasks: [] })).toEqual({ ok: false, errors: ['tasks'] });
    expect(checkBasisDraft({ ...basisDraftOf(unit), ownTasks: true, tasks: ['PUESTO_CONTROL'] })).toMatchObject({ ok: true, value: { missionTasks: ['PUESTO_CONTROL'] } });
    expect(checkBasisDraft({ ...basisDraftOf(unit), directed: true, remark: ' corto ' })).toEqual({ ok: false, errors: ['remark'] });
    expect(checkBasisDraft({ ...basisDraftOf(unit), directed: true, remark: '  Reorganización por RD 12-2026  ' })).toMatchObject({
      ok: true,
      value: { directedResourceAction: true, directedResourceRemark: 'Reorganización por RD 12-2026' },
    });
  });

  it('reads a stored unit back into the form', () => {
    expect(basisDraftOf({ authorizedStrength: 40, missionTasks: ['PUESTO_CONTROL'], directedResourceAction: true, directedResourceRemark: 'RD 1-2026 fusión' })).toEqual({
      authorizedStrength: '40', ownTasks: true, tasks: ['PUESTO_CONTROL'], directed: true, remark: 'RD 1-2026 fusión',
    });
  });
});
