/** bench/RESULTS.md: one table row per figure, oldest first, and a note per run. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface ResultRow {
  date: string;
  benchmark: string;
  metric: string;
  value: string;
  unit: string;
  baseline: string;
  ratio: string;
  commit: string;
}

const COLUMNS: readonly (keyof ResultRow)[] = [
  'date',
  'benchmark',
  'metric',
  'value',
  'unit',
  'baseline',
  'ratio',
  'commit',
];

export const TABLE_HEADER = `| ${COLUMNS.join(' | ')} |`;
const RUNS_HEADING = '## Runs';

const TEMPLATE = `# Benchmark results

Appended by the benchmarks in \`bench/\` (see README.md), one row per figure, oldest first.
\`ratio\` is platform / baseline: for throughput higher is better, for latency lower is better.

${TABLE_HEADER}
|${COLUMNS.map(() => ' --- |').join('')}

${RUNS_HEADING}

The machine and parameters of each run, keyed by date, benchmark and commit.
`;

export function formatRow(row: ResultRow): string {
  return `| ${COLUMNS.map((column) => row[column].replaceAll('|', '\\|')).join(' | ')} |`;
}

/**
 * The results document with `rows` added at the end of the table and `runNote` (lines after
 * the first are indented under it) at the end of the runs section. Older rows stay.
 */
export function appendResults(
  existing: string | undefined,
  rows: readonly ResultRow[],
  runNote: string,
): string {
  const lines = (existing?.trim() ? existing : TEMPLATE).replace(/\n+$/, '').split('\n');
  const header = lines.findIndex((line) => line.trim() === TABLE_HEADER);
  if (header < 0) throw new Error(`the results file has no table starting with ${TABLE_HEADER}`);
  let end = header + 1;
  while (lines[end]?.trimStart().startsWith('|')) end += 1;
  lines.splice(end, 0, ...rows.map(formatRow));
  if (!lines.some((line) => line.trim() === RUNS_HEADING)) lines.push('', RUNS_HEADING, '');
  const last = lines.at(-1) ?? '';
  if (last.trim() && !last.startsWith('- ') && !last.startsWith('  ')) lines.push('');
  const [first = '', ...more] = runNote.split('\n');
  lines.push(`- ${first}`, ...more.map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

export function appendResultsFile(path: string, rows: readonly ResultRow[], runNote: string): void {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, appendResults(existing, rows, runNote));
}

/** Fixed decimals; `-` for a figure that could not be measured. */
export function formatFigure(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}
