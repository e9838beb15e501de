import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ALL_SAMPLES, lcg, mutate } from './test-samples.ts';
import { parseXml } from './xml-parse.ts';

describe('parseXml', () => {
  it('returns each element with its exact source range', () => {
    const src = `<?xml version="1.0"?><r a='1'><!-- c </x> --><x q='>' r="/"><![CDATA[</x>]]><x>t</x></x   ><y/></r>`;
    const result = parseXml(src);
    if (!result.ok) throw new Error(result.error.message);
    const [x, y] = result.root.children;
    expect(src.slice(x?.start, x?.end)).toBe(`<x q='>' r="/"><![CDATA[</x>]]><x>t</x></x   >`);
    expect(src.slice(y?.start, y?.end)).toBe('<y/>');
    expect(x?.text).toBe('</x>');
    expect(x?.attrs.get('q')).toBe('>');
  });

  it('keeps positions right after multi-byte characters', () => {
    const src = '<r>ñ😀<a b="é"/></r>';
    const result = parseXml(src);
    const a = result.ok ? result.root.children[0] : undefined;
    expect(src.slice(a?.start, a?.end)).toBe('<a b="é"/>');
  });

  it('handles hostile nesting without recursion and refuses it past the limit', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(parseXml(deep)).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' } });
    expect(parseXml('<a><b><c/></b></a>', 3).ok).toBe(true);
  });

  it('parses a 60 KiB event quickly', () => {
    const big = `<event>${'<link point="-12.0,-77.0"/>'.repeat(2400)}</event>`;
    const started = performance.now();
    const result = parseXml(big);
    expect(result.ok && result.root.children.length).toBe(2400);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('parseXml against fast-xml-parser as an oracle', () => {
  it('never accepts a document the validator finds malformed (bare "&" in text aside, accepted on purpose)', () => {
    const random = lcg(7);
    let checked = 0;
    for (const sample of Object.values(ALL_SAMPLES)) {
      expect(parseXml(sample).ok).toBe(true);
      expect(XMLValidator.validate(sample)).toBe(true);
      for (let n = 0; n < 1500; n++) {
        const xml = mutate(sample, random);
        if (XMLValidator.validate(xml) === true || !parseXml(xml).ok) continue;
        // The only disagreement allowed: we read an unescaped '&' as text, as devices mean it.
        const escaped = xml.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
        expect(XMLValidator.validate(escaped), xml).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
