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

  it('keeps text that a spreadsheet would run as a formula as text, and numbers as numbers', () => {
    const rows = [
      { name: '=HYPERLINK("http://x","y")', cost: -5 },
      { name: '+44 20', cost: 1.5 },
      { name: '-1', cost: 0 },
      { name: '@SUM(A1)', cost: 2 },
      { name: '\t=1', cost: 3 },
      { name: 'Oak = Birch', cost: 4 },
    ];
    expect(toCsv(['name', 'cost'], rows)).toBe(
      `name,cost\r\n"'=HYPERLINK(""http://x"",""y"")",-5\r\n'+44 20,1.5\r\n'-1,0\r\n'@SUM(A1),2\r\n'\t=1,3\r\nOak = Birch,4\r\n`,
    );
  });
});
