import {
  appendResults,
  formatFigure,
  formatRow,
  type ResultRow,
  TABLE_HEADER,
} from './results-file';

const row = (metric: string, commit = 'abc1234'): ResultRow => ({
  date: '2026-11-27',
  benchmark: 'intake',
  metric,
  value: '812.4',
  unit: 'tickets/s',
  baseline: '1650.2',
  ratio: '0.49',
  commit,
});

/** The table's data rows, parsed back into cells. */
function tableRows(document: string): string[][] {
  const lines = document.split('\n');
  const header = lines.indexOf(TABLE_HEADER);
  const rows: string[][] = [];
  for (let index = header + 2; lines[index]?.startsWith('|'); index += 1) {
    rows.push(
      (lines[index] ?? '')
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('appendResults', () => {
  it('creates the document with header, separator, rows and the run note', () => {
    const document = appendResults(undefined, [row('throughput'), row('p50')], 'run one');
    expect(document.startsWith('# Benchmark results\n')).toBe(true);
    expect(document.split('\n')).toContain('| --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(tableRows(document)).toEqual([
      ['2026-11-27', 'intake', 'throughput', '812.4', 'tickets/s', '1650.2', '0.49', 'abc1234'],
      ['2026-11-27', 'intake', 'p50', '812.4', 'tickets/s', '1650.2', '0.49', 'abc1234'],
    ]);
    expect(document.endsWith('commit.\n\n- run one\n')).toBe(true);
  });

  it('keeps older rows and adds new ones below them, inside the same table', () => {
    const first = appendResults(undefined, [row('throughput', 'old')], 'run one');
    const second = appendResults(first, [row('throughput', 'new')], 'run two');
    expect(tableRows(second).map((cells) => cells[7])).toEqual(['old', 'new']);
    expect(second.indexOf('- run one')).toBeLessThan(second.indexOf('- run two'));
    expect(second.indexOf('- run two')).toBeGreaterThan(second.indexOf('## Runs'));
    expect(second).toContain('- run one\n- run two\n');
  });

  it('adds the runs section to a file that has only the table', () => {
    const bare = `${TABLE_HEADER}\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`;
    const document = appendResults(bare, [row('p99')], 'run one');
    expect(tableRows(document)).toHaveLength(1);
    expect(document).toContain('## Runs\n\n- run one\n');
  });

  it('refuses a file without the results table rather than overwrite it', () => {
    expect(() => appendResults('# Something else\n', [row('p99')], 'run')).toThrow(/no table/);
  });
});

describe('formatRow', () => {
  it('escapes pipes so a cell cannot split the row', () => {
    expect(formatRow({ ...row('p50'), unit: 'a|b' })).toContain('| a\\|b |');
  });
});

describe('formatFigure', () => {
  it.each([
    [1234.5678, 1, '1234.6'],
    [0.5, 2, '0.50'],
    [Number.NaN, 2, '-'],
    [Number.POSITIVE_INFINITY, 0, '-'],
  ])('%d with %d decimals is %s', (value, decimals, expected) => {
    expect(formatFigure(value, decimals)).toBe(expected);
  });
});
