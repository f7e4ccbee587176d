// Keeps the dashboard and the alert rules of deploy/observability honest, without Grafana or
// Prometheus:
//  1. every metric a panel, a variable or a rule queries is one the platform exports: an
//     OpenTelemetry instrument created in libs/ or services/, or one of the instrumentations
//     libs/telemetry/src/start-telemetry.ts enables (read from their code in node_modules), under
//     the name the OTLP → Prometheus conversion gives it (unit suffix, _total, _bucket/_sum/_count);
//     besides those, only what the pipeline itself makes (`up`, `target_info`);
//  2. the dashboard: schemaVersion 39, a ${datasource} Prometheus variable that every panel and
//     query uses, a `service` variable, and a description on each panel naming its metrics;
//  3. the rules: each alert has `for`, a severity label, summary and description annotations, and
//     a runbook_url whose anchor is a heading of docs/operations.md that names the alert.
//
// Usage: node deploy/observability/check.mjs [<tools-dir>]
//   <tools-dir> holds node_modules with yaml (charts/check.sh installs it); without it, the
//   project's own node_modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const toolsDir = process.argv[2] ?? root;
const YAML = createRequire(join(toolsDir, 'package.json'))('yaml');
const requireFromRoot = createRequire(join(root, 'package.json'));

const dashboardFile = 'deploy/observability/grafana/itsm-overview.json';
const rulesFile = 'deploy/observability/prometheus/itsm-alerts.yaml';
const docsFile = 'docs/operations.md';
const telemetryFile = 'libs/telemetry/src/start-telemetry.ts';

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);
const read = (path) => readFileSync(join(root, path), 'utf8');

function* filesUnder(dir, accept) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'generated')
        yield* filesUnder(path, accept);
    } else if (accept(entry.name)) {
      yield path;
    }
  }
}

// --- 1. the metrics the code exports, by their Prometheus names ---------------------------------
// Series the pipeline makes, not the code: Prometheus's scrape health of a target, and the
// resource of each process that pushes OTLP (one series per service instance).
const pipelineMetrics = new Map([
  ['up', 'Prometheus: health of a scraped target (the OpenTelemetry collector)'],
  ['target_info', 'OTLP → Prometheus: the resource (service.name → job) of each process'],
]);

const KINDS = {
  Counter: 'counter',
  ObservableCounter: 'counter',
  UpDownCounter: 'gauge',
  ObservableUpDownCounter: 'gauge',
  Gauge: 'gauge',
  ObservableGauge: 'gauge',
  Histogram: 'histogram',
};
// What the OTLP → Prometheus conversion appends for a unit (units in braces are annotations and
// add nothing). A unit not listed here fails the check, so a new one is taught, not guessed.
const UNIT_SUFFIXES = {
  '': '',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  min: 'minutes',
  h: 'hours',
  d: 'days',
};
const CREATE_INSTRUMENT =
  /\.create(Counter|ObservableCounter|UpDownCounter|ObservableUpDownCounter|Gauge|ObservableGauge|Histogram)\(\s*('[^']+'|"[^"]+"|[\w$.]+)\s*,?/g;

/** The Prometheus series names of one instrument. */
function prometheusNames({ name, kind, unit }) {
  let base = name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/__+/g, '_');
  const plainUnit = unit.replace(/\{[^}]*\}/g, '').trim();
  let suffix = UNIT_SUFFIXES[plainUnit];
  if (plainUnit === '1') suffix = kind === 'gauge' ? 'ratio' : '';
  if (suffix === undefined) throw new Error(`unit "${unit}" of ${name}: add its Prometheus suffix`);
  if (suffix && !base.endsWith(`_${suffix}`)) base = `${base}_${suffix}`;
  if (kind === 'counter') return [base.endsWith('_total') ? base : `${base}_total`];
  if (kind === 'histogram') return ['bucket', 'sum', 'count'].map((part) => `${base}_${part}`);
  return [base];
}

/** Instruments created in one source text; `resolve` turns a constant into a metric name. */
function instrumentsIn(text, origin, resolve) {
  const found = [];
  for (const match of text.matchAll(CREATE_INSTRUMENT)) {
    const [, kindName, nameExpression] = match;
    const name = /^['"]/.test(nameExpression)
      ? nameExpression.slice(1, -1)
      : resolve(nameExpression);
    if (!name) {
      problem(origin, `cannot resolve the instrument name ${nameExpression}`);
      continue;
    }
    // The options object follows the name; its unit is the first one after it.
    const options = text.slice(match.index + match[0].length, match.index + match[0].length + 600);
    const end = options.search(/\}\s*\)/);
    const unit =
      /\bunit:\s*['"]([^'"]*)['"]/.exec(end >= 0 ? options.slice(0, end) : '')?.[1] ?? '';
    found.push({ name, kind: KINDS[kindName], unit, origin });
  }
  return found;
}

const instruments = [];
// a. The platform's own instruments.
for (const dir of ['libs', 'services']) {
  for (const file of filesUnder(
    join(root, dir),
    (name) => /\.ts$/.test(name) && !/spec\.ts$/.test(name),
  )) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('.create')) continue;
    instruments.push(...instrumentsIn(text, relative(root, file), () => undefined));
  }
}
// b. The instruments of the instrumentation packages the telemetry lib enables.
const telemetry = read(telemetryFile);
const enabledPackages = [];
for (const [, names, pkg] of telemetry.matchAll(
  /import\s*\{([^}]+)\}\s*from\s*'(@opentelemetry\/instrumentation-[\w-]+)'/g,
)) {
  for (const name of names.split(',').map((n) => n.trim())) {
    if (!new RegExp(`new ${name}\\(`).test(telemetry)) continue;
    // An instrumentation given the no-op meter provider (`x.setMeterProvider(NO_METRICS)` on the
    // `const x = new Instrumentation(…)`) makes spans only: its instruments are not exported.
    const variable = new RegExp(`const (\\w+) = new ${name}\\(`).exec(telemetry)?.[1];
    const metricsOff =
      variable !== undefined &&
      new RegExp(`\\b${variable}\\.setMeterProvider\\(NO_METRICS\\)`).test(telemetry);
    if (!metricsOff) enabledPackages.push({ pkg, name });
  }
}
if (enabledPackages.length === 0)
  problem(telemetryFile, 'enables no OpenTelemetry instrumentation');
for (const { pkg } of enabledPackages) {
  let pkgDir;
  try {
    pkgDir = join(requireFromRoot.resolve(`${pkg}/package.json`), '..');
  } catch {
    problem(telemetryFile, `${pkg} is not installed (npm ci)`);
    continue;
  }
  const requireFromPkg = createRequire(join(pkgDir, 'package.json'));
  const buildFiles = [...filesUnder(join(pkgDir, 'build', 'src'), (name) => name.endsWith('.js'))];
  // Constants (METRIC_*) come from @opentelemetry/semantic-conventions or the package's semconv.js.
  const constantSources = [() => requireFromPkg('@opentelemetry/semantic-conventions')];
  for (const file of buildFiles) {
    if (/exports\.METRIC_\w+\s*=\s*['"]/.test(readFileSync(file, 'utf8')))
      constantSources.push(() => requireFromPkg(file));
  }
  const resolve = (expression) => {
    const constant = expression.split('.').pop();
    for (const source of constantSources) {
      const value = source()?.[constant];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };
  for (const file of buildFiles) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('.create')) continue;
    instruments.push(...instrumentsIn(text, `${pkg}/${relative(pkgDir, file)}`, resolve));
  }
}

const exported = new Map(); // Prometheus name -> where the instrument is created
for (const instrument of instruments) {
  try {
    for (const name of prometheusNames(instrument))
      exported.set(name, `${instrument.name} (${instrument.origin})`);
  } catch (error) {
    problem(instrument.origin, error.message);
  }
}
if (![...exported.keys()].some((name) => name.startsWith('itsm_')))
  problem('libs, services', 'no itsm.* instrument found: has the metrics code moved?');

// --- PromQL: the metric names an expression reads ---------------------------------------------
const NOT_METRICS = new Set([
  ...'and or unless by without on ignoring group_left group_right bool offset inf nan'.split(' '),
  ...'sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk limit_ratio'.split(
    ' ',
  ),
]);

function metricsOf(expression) {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ') // strings
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // label lists
    .replace(/\$\{[^}]*\}|\$\w+/g, ' '); // Grafana variables
  const names = new Set();
  for (const match of stripped.matchAll(/(?<![\w:.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = match;
    if (call || NOT_METRICS.has(name)) continue;
    names.add(name);
  }
  return names;
}

function checkMetrics(where, expression) {
  const names = metricsOf(expression);
  if (names.size === 0) problem(where, `reads no metric: ${expression}`);
  for (const name of names) {
    if (!exported.has(name) && !pipelineMetrics.has(name))
      problem(where, `${name} is not a metric the code exports (nor one the pipeline makes)`);
  }
  return names;
}

const family = (name) => name.replace(/_(bucket|sum|count)$/, '');

// --- 2. the dashboard ---------------------------------------------------------------------------
const dashboard = JSON.parse(read(dashboardFile));
const DATASOURCE = '${datasource}';
if (dashboard.schemaVersion !== 39)
  problem(dashboardFile, `schemaVersion is ${dashboard.schemaVersion}, not 39`);
const variables = new Map((dashboard.templating?.list ?? []).map((v) => [v.name, v]));
const datasourceVariable = variables.get('datasource');
if (datasourceVariable?.type !== 'datasource' || datasourceVariable.query !== 'prometheus')
  problem(dashboardFile, 'needs a "datasource" variable of type datasource over prometheus');
const serviceVariable = variables.get('service');
if (serviceVariable?.type !== 'query') {
  problem(dashboardFile, 'needs a "service" query variable');
} else {
  if (serviceVariable.datasource?.uid !== DATASOURCE)
    problem(dashboardFile, 'the service variable does not query ${datasource}');
  const query =
    typeof serviceVariable.query === 'string'
      ? serviceVariable.query
      : serviceVariable.query?.query;
  const metric = /label_values\(\s*([a-zA-Z_:][\w:]*)\s*,/.exec(query ?? '')?.[1];
  if (!metric)
    problem(dashboardFile, `the service variable is not label_values(<metric>, <label>): ${query}`);
  else checkMetrics(`${dashboardFile} variable service`, metric);
}

const allPanels = (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const ids = new Set();
let queries = 0;
for (const panel of allPanels) {
  const where = `${dashboardFile} panel ${panel.id} "${panel.title}"`;
  if (ids.has(panel.id)) problem(where, 'duplicate panel id');
  ids.add(panel.id);
  if (!panel.gridPos) problem(where, 'has no gridPos');
  if (panel.type === 'row') continue;
  if (panel.datasource?.uid !== DATASOURCE)
    problem(where, 'does not use the ${datasource} variable');
  if (!panel.targets?.length) problem(where, 'has no query');
  const used = new Set();
  for (const target of panel.targets ?? []) {
    queries += 1;
    if (target.datasource?.uid !== DATASOURCE)
      problem(`${where} ${target.refId}`, 'does not use ${datasource}');
    for (const name of checkMetrics(`${where} ${target.refId}`, target.expr ?? '')) used.add(name);
  }
  const description = panel.description ?? '';
  for (const name of used) {
    if (!description.includes(name) && !description.includes(family(name)))
      problem(where, `its description does not name ${name}`);
  }
}

// --- 3. the rules and their runbooks ----------------------------------------------------------
/**
 * The headings of a Markdown text (outside fenced code) with GitHub's anchors: lower case,
 * punctuation dropped, spaces to hyphens, -1/-2 for repeats.
 */
function headingsOf(markdown) {
  const headings = [];
  const taken = new Set();
  let fenced = false;
  markdown.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) return;
    const slug = match[2]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = slug;
    for (let n = 1; taken.has(anchor); n++) anchor = `${slug}-${n}`;
    taken.add(anchor);
    headings.push({ index, level: match[1].length, anchor });
  });
  return headings;
}

const docs = existsSync(join(root, docsFile)) ? read(docsFile) : '';
if (!docs) problem(docsFile, 'is missing');
const headings = headingsOf(docs);
const anchors = new Set([
  ...headings.map((heading) => heading.anchor),
  ...[...docs.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)].map((match) => match[1]),
]);
for (const [, anchor] of docs.matchAll(/\]\(#([^)]+)\)/g)) {
  if (!anchors.has(anchor)) problem(docsFile, `links to #${anchor}, which is not a heading`);
}
/** The text of the section a heading anchor opens, up to the next heading of its level or above. */
function sectionOf(anchor) {
  const lines = docs.split('\n');
  const at = headings.findIndex((heading) => heading.anchor === anchor);
  if (at < 0) return '';
  const { index, level } = headings[at];
  const next = headings.slice(at + 1).find((heading) => heading.level <= level);
  return lines.slice(index, next?.index).join('\n');
}

const rules = YAML.parse(read(rulesFile));
const groupNames = new Set();
const alertNames = new Set();
if (!Array.isArray(rules?.groups) || rules.groups.length === 0) problem(rulesFile, 'has no groups');
for (const group of rules?.groups ?? []) {
  if (!group.name || groupNames.has(group.name))
    problem(rulesFile, `group name "${group.name}" missing or repeated`);
  groupNames.add(group.name);
  if (!group.rules?.length) problem(rulesFile, `group ${group.name} has no rules`);
  for (const rule of group.rules ?? []) {
    const name = rule.alert ?? rule.record;
    const where = `${rulesFile} ${group.name}/${name}`;
    if (typeof rule.expr !== 'string' || !rule.expr.trim()) {
      problem(where, 'has no expr');
    } else {
      checkMetrics(where, rule.expr);
    }
    if (!rule.alert) continue;
    if (alertNames.has(rule.alert)) problem(where, 'alert name repeated');
    alertNames.add(rule.alert);
    if (!/^\d+[smhdwy]$/.test(String(rule.for ?? '')))
      problem(where, `"for" is missing or not a duration: ${rule.for}`);
    if (!['critical', 'warning', 'info'].includes(rule.labels?.severity))
      problem(where, `severity label is "${rule.labels?.severity}", not critical, warning or info`);
    for (const key of ['summary', 'description', 'runbook_url']) {
      if (typeof rule.annotations?.[key] !== 'string' || !rule.annotations[key].trim())
        problem(where, `has no ${key} annotation`);
    }
    const url = rule.annotations?.runbook_url ?? '';
    const anchor = /\/docs\/operations\.md#([\w-]+)$/.exec(url)?.[1];
    if (!anchor) {
      problem(where, `runbook_url does not point at a section of ${docsFile}: ${url}`);
    } else if (!anchors.has(anchor)) {
      problem(where, `runbook_url anchor #${anchor} is not a heading of ${docsFile}`);
    } else if (!sectionOf(anchor).includes(rule.alert)) {
      problem(where, `the runbook section #${anchor} of ${docsFile} does not name ${rule.alert}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.map((p) => `  - ${p}`).join('\n'));
  console.error(`observability check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `observability check: ${allPanels.length} panels (${queries} queries) and ${alertNames.size} alerts read only exported metrics ` +
    `(${exported.size} series names of ${instruments.length} instruments in libs/, services/ and ${enabledPackages.map((p) => p.pkg.replace('@opentelemetry/', '')).join(', ')}); runbooks in ${docsFile}`,
);
