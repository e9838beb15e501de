import { describe, expect, it } from 'vitest';
import { OVERRIDE_REMARK_MAX, validateOverride } from './validate-override.ts';

describe("the commander's override", () => {
  it.each([
    ['no remark', { level: 2 }, 'READINESS_OVERRIDE_REMARK_REQUIRED'],
    ['an empty remark', { level: 2, remark: '' }, 'READINESS_OVERRIDE_REMARK_REQUIRED'],
    ['a blank remark', { level: 2, remark: ' \n\t ' }, 'READINESS_OVERRIDE_REMARK_REQUIRED'],
    ['a remark that is not text', { level: 2, remark: 42 }, 'READINESS_OVERRIDE_REMARK_REQUIRED'],
    ['a remark too short to explain anything', { level: 2, remark: 'ok' }, 'READINESS_OVERRIDE_REMARK_TOO_SHORT'],
    ['a remark too long', { level: 2, remark: 'x'.repeat(OVERRIDE_REMARK_MAX + 1) }, 'READINESS_OVERRIDE_REMARK_TOO_LONG'],
    ['a level outside C1-C5', { level: 6, remark: 'Vehicles repaired this morning, not yet recorded.' }, 'READINESS_OVERRIDE_LEVEL_INVALID'],
    ['a level written as text', { level: 'C2', remark: 'Vehicles repaired this morning, not yet recorded.' }, 'READINESS_OVERRIDE_LEVEL_INVALID'],
  ])('is refused with %s', (_name, override, code) => {
    const result = validateOverride(3, override);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message.es.length).toBeGreaterThan(0);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it('is accepted with a written remark, trimmed, and says whether it changes the computed level', () => {
    expect(validateOverride(3, { level: 2, remark: '  Radios repaired on 27 Nov, records pending.  ' })).toEqual({
      ok: true,
      level: 2,
      computedLevel: 3,
      remark: 'Radios repaired on 27 Nov, records pending.',
      changed: true,
    });
    expect(validateOverride(3, { level: 3, remark: 'Confirmed after inspection.' })).toMatchObject({ ok: true, changed: false });
  });
});
