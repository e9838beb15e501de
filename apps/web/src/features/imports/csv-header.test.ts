import { describe, expect, it } from 'vitest';
import { parseHeaderLine } from './csv-header.ts';

describe('parseHeaderLine', () => {
  it('reads comma, semicolon and tab headers, with quotes and a BOM', () => {
    expect(parseHeaderLine('\uFEFFunidad,dni,nombres\n1,2,3')).toEqual(['unidad', 'dni', 'nombres']);
    expect(parseHeaderLine('Unidad;"N.º, documento";Grado\r\nx;y;z')).toEqual(['Unidad', 'N.º, documento', 'Grado']);
    expect(parseHeaderLine('a\tb\tc')).toEqual(['a', 'b', 'c']);
    expect(parseHeaderLine('"say ""hi""",b,')).toEqual(['say "hi"', 'b']);
  });

  it('keeps a quoted newline inside the header cell', () => {
    expect(parseHeaderLine('"a\nb",c\n1,2')).toEqual(['a\nb', 'c']);
  });
});
