import { describe, expect, it } from 'vitest';
import { COP_ERRORS } from './catalog/cop.ts';
import { FORCES_ERRORS } from './catalog/forces.ts';
import { IMPORTS_ERRORS } from './catalog/imports.ts';
import { INCIDENTS_ERRORS } from './catalog/incidents.ts';
import { LEGAL_ERRORS } from './catalog/legal.ts';
import { PLATFORM_ERRORS } from './catalog/platform.ts';

const AREAS: Record<string, Record<string, { status: number; es: string; en: string }>> = {
  imports: IMPORTS_ERRORS,
  platform: PLATFORM_ERRORS,
  legal: LEGAL_ERRORS,
  forces: FORCES_ERRORS,
  cop: COP_ERRORS,
  incidents: INCIDENTS_ERRORS,
};

describe('error catalogue', () => {
  it('gives every code to exactly one area, so no area silently overrides another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, codes] of Object.entries(AREAS)) {
      for (const code of Object.keys(codes)) {
        const prior = owner.get(code);
        if (prior) clashes.push(`${code}: ${prior} and ${area}`);
        owner.set(code, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has a message in both languages with the same placeholders, and an HTTP error status', () => {
    for (const codes of Object.values(AREAS)) {
      for (const [code, entry] of Object.entries(codes)) {
        const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(entry.es), code).toEqual(names(entry.en));
        expect(entry.es.length, code).toBeGreaterThan(0);
        expect(entry.status, code).toBeGreaterThanOrEqual(400);
      }
    }
  });
});
