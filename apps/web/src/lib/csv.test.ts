import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('csvText', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(csvText(['a', 'b'], [[1, 'x'], [null, 2]])).toBe('a,b\r\n1,x\r\n,2\r\n');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvText(['name'], [['Oak, "the" home'], ['two\nlines']])).toBe('name\r\n"Oak, ""the"" home"\r\n"two\nlines"\r\n');
  });
  it('defuses text a spreadsheet would run as a formula, not negative numbers', () => {
    expect(csvText(['v'], [['=HYPERLINK("x")'], [-3]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n-3\r\n');
  });
});
