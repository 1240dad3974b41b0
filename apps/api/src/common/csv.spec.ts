import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and one line per row, quoting only what needs it', () => {
    const rows = [
      { code: 'E09000009', name: 'Ealing', note: null, count: 3 },
      { code: 'E09000005', name: 'Brent, "north"', note: 'two\nlines', count: 0 },
    ];
    expect(toCsv(['code', 'name', 'note', 'count'], rows)).toBe(
      'code,name,note,count\r\nE09000009,Ealing,,3\r\nE09000005,"Brent, ""north""","two\nlines",0\r\n',
    );
  });
});
