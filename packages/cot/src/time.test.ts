import { describe, expect, it } from 'vitest';
import { formatCotTime, parseCotTime } from './time.ts';
import { lcg } from './test-samples.ts';

describe('parseCotTime', () => {
  it('reads the common `YYYY-MM-DDThh:mm:ss.sssZ` form exactly as the general reader does (a leading space forces it)', () => {
    const random = lcg(7);
    const digits = (n: number, max: number): string => String(Math.floor(random() * max)).padStart(n, '0');
    const samples = [
      '2026-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-02-31T10:00:00.000Z', '2026-13-01T00:00:00.000Z',
      '2026-00-01T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-32T00:00:00.000Z', '2026-01-01T24:00:00.000Z',
      '2026-01-01T25:00:00.000Z', '2026-01-01T23:60:00.000Z', '2026-01-01T23:59:60.000Z', '2026-01-01T23:59:61.000Z',
      '0099-01-01T00:00:00.000Z', '2026-01-01T12:00:00.00xZ', '2026-01-01T12:00:00,000Z', '2026-01-01t12:00:00.000Z',
      '2026-01-01 12:00:00.000Z', '+02026-01-01T12:00:0.000Z',
    ];
    for (let i = 0; i < 5000; i++) {
      samples.push(`${digits(4, 10_000)}-${digits(2, 14)}-${digits(2, 33)}T${digits(2, 26)}:${digits(2, 61)}:${digits(2, 62)}.${digits(3, 1000)}Z`);
      samples.push(formatCotTime(Math.floor(random() * 4e12)));
    }
    for (const s of samples) expect(parseCotTime(s), s).toBe(parseCotTime(` ${s}`));
    expect(parseCotTime('2026-03-14T15:04:05.123Z')).toBe(Date.UTC(2026, 2, 14, 15, 4, 5, 123));
  });
});
