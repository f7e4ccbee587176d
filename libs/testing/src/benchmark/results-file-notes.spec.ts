import { appendResults, formatRow, type ResultRow, TABLE_HEADER } from './results-file';

const row = (metric: string): ResultRow => ({
  date: '2026-11-27',
  benchmark: 'ticket-list',
  metric,
  value: '12.34',
  unit: 'ms',
  baseline: '1.23',
  ratio: '10.03',
  commit: 'abc1234',
});

const existing = `# Benchmark results

${TABLE_HEADER}
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-26 | intake | p50 | 1 | ms | 1 | 1.00 | old |

## Runs

- 2026-11-26 intake old: earlier run
  with a second line
`;

describe('appendResults', () => {
  it('adds rows below the older ones and the note at the end of the runs', () => {
    const document = appendResults(existing, [row('p50'), row('p95')], 'the note\nmore detail');
    const lines = document.split('\n');
    const header = lines.indexOf(TABLE_HEADER);
    expect(lines.slice(header + 2, header + 5)).toEqual([
      '| 2026-11-26 | intake | p50 | 1 | ms | 1 | 1.00 | old |',
      formatRow(row('p50')),
      formatRow(row('p95')),
    ]);
    expect(document.endsWith('  with a second line\n- the note\n  more detail\n')).toBe(true);
  });

  it('escapes pipes in cells and refuses a document without the table', () => {
    expect(formatRow({ ...row('p50'), commit: 'a|b' })).toContain('a\\|b');
    expect(() => appendResults('# nothing here\n', [row('p50')], 'note')).toThrow(/no table/);
  });
});
