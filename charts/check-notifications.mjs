// Checks how one rendered release wires the notifications service (email, webhooks, email to
// tickets), when it is enabled:
//  - its Deployment and its migration Job get DATABASE_URL (with $(DATABASE_PASSWORD) from a
//    secretKeyRef), KAFKA_BROKERS, TICKETS_GRPC_URL and ROUTING_GRPC_URL pointing at Services of
//    the release, and SMTP_URL and MAIL_REPLY_SECRET from a secretKeyRef: the service loads its
//    whole configuration before it migrates, and MAIL_REPLY_SECRET has no default;
//  - neither mail secret is a plain value: not in a ConfigMap, not in an env `value`;
//  - a Secret of the release that holds them (the chart-managed one, for development) has the
//    keys, an smtp(s):// URL, a reply secret of at least 32 characters, and exists before the
//    migration Job (hook);
//  - with INBOUND_SMTP_PORT on, the container has an `smtp` port of that number, a Service
//    of the release forwards to it, and the NetworkPolicy (if any) lets it in;
//  - the gateway's NOTIFICATIONS_GRPC_URL, where it has one, points at the notifications gRPC port.
//
// Usage: node charts/check-notifications.mjs <tools-dir> <rendered.yaml>
//   <tools-dir> holds node_modules with yaml (charts/check.sh installs it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [toolsDir, file] = process.argv.slice(2);
if (!toolsDir || !file)
  throw new Error('usage: check-notifications.mjs <tools-dir> <rendered.yaml>');
const YAML = createRequire(join(toolsDir, 'package.json'))('yaml');

const SECRETS = ['SMTP_URL', 'MAIL_REPLY_SECRET'];
const objects = YAML.parseAllDocuments(readFileSync(file, 'utf8'))
  .map((document) => document.toJS())
  .filter(Boolean);
const problems = [];
const component = (object) => object.metadata?.labels?.['app.kubernetes.io/component'];
const byName = (kind) =>
  new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));
const configMaps = byName('ConfigMap');
const secrets = byName('Secret');
const services = byName('Service');

/** The environment of a container: name -> { value } | { secretKeyRef }. */
function environmentOf(container) {
  const env = new Map();
  for (const source of container.envFrom ?? []) {
    const data = configMaps.get(source.configMapRef?.name)?.data ?? {};
    for (const [name, value] of Object.entries(data)) env.set(name, { value, configMap: true });
  }
  for (const variable of container.env ?? []) {
    if (variable.valueFrom?.secretKeyRef)
      env.set(variable.name, { secretKeyRef: variable.valueFrom.secretKeyRef });
    else if ('value' in variable) env.set(variable.name, { value: variable.value });
    else env.set(variable.name, { valueFrom: variable.valueFrom });
  }
  return env;
}

function secretValue(ref) {
  const secret = secrets.get(ref.name);
  if (!secret) return undefined; // created outside the chart
  if (secret.stringData && ref.key in secret.stringData) return String(secret.stringData[ref.key]);
  if (secret.data && ref.key in secret.data)
    return Buffer.from(secret.data[ref.key], 'base64').toString('utf8');
  return null;
}

function checkSecretRef(where, env, name, { hook, accept, expected }) {
  const entry = env.get(name);
  if (!entry) return problems.push(`${where}: no ${name}`);
  if (!entry.secretKeyRef) return problems.push(`${where}: ${name} is not from a secretKeyRef`);
  const value = secretValue(entry.secretKeyRef);
  const { name: secretName, key } = entry.secretKeyRef;
  if (value === null) problems.push(`${where}: ${name}: Secret ${secretName} has no key ${key}`);
  else if (value !== undefined && accept && !accept(value))
    problems.push(`${where}: ${name} in Secret ${secretName} is not ${expected}`);
  if (value !== undefined && hook) {
    const hooks = secrets.get(secretName).metadata.annotations?.['helm.sh/hook'] ?? '';
    if (!hooks.includes('pre-install'))
      problems.push(`${where}: Secret ${secretName} is not created before the migration Job`);
  }
}

/** "<service>:<port>" names a Service of the release with that port. */
function checkGrpcUrl(where, env, name, target) {
  const url = env.get(name)?.value;
  if (!url) return problems.push(`${where}: no ${name}`);
  const [host, port] = url.split(':');
  const service = services.get(host);
  if (!service) return problems.push(`${where}: ${name}=${url}: no Service ${host} in the release`);
  if (component(service) !== target)
    problems.push(`${where}: ${name}=${url}: Service ${host} is not ${target}'s`);
  if (!service.spec.ports.some((p) => p.name === 'grpc' && String(p.port) === port))
    problems.push(`${where}: ${name}=${url}: Service ${host} has no grpc port ${port}`);
}

function checkEnvironment(where, container, { migrationJob }) {
  const env = environmentOf(container);
  const url = env.get('DATABASE_URL')?.value ?? '';
  if (!/^postgres(ql)?:\/\/[^:]+:\$\(DATABASE_PASSWORD\)@[^/]+\/[A-Za-z0-9_$-]+/.test(url))
    problems.push(
      `${where}: DATABASE_URL is not a postgres URL with $(DATABASE_PASSWORD): '${url}'`,
    );
  checkSecretRef(where, env, 'DATABASE_PASSWORD', { hook: migrationJob });
  if (!env.get('KAFKA_BROKERS')?.value) problems.push(`${where}: no KAFKA_BROKERS`);
  checkGrpcUrl(where, env, 'TICKETS_GRPC_URL', 'tickets');
  checkGrpcUrl(where, env, 'ROUTING_GRPC_URL', 'routing');
  checkSecretRef(where, env, 'SMTP_URL', {
    hook: migrationJob,
    accept: (value) => /^smtps?:\/\/\S+$/.test(value),
    expected: 'an smtp:// or smtps:// URL',
  });
  checkSecretRef(where, env, 'MAIL_REPLY_SECRET', {
    hook: migrationJob,
    accept: (value) => value.length >= 32,
    expected: 'at least 32 characters',
  });
  const from = env.get('MAIL_FROM_ADDRESS')?.value;
  if (from !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from))
    problems.push(`${where}: MAIL_FROM_ADDRESS '${from}' is not an email address`);
  const base = env.get('PUBLIC_BASE_URL')?.value;
  if (base !== undefined && !URL.canParse(base))
    problems.push(`${where}: PUBLIC_BASE_URL '${base}' is not a URL`);
  return env;
}

const deployment = objects.find((o) => o.kind === 'Deployment' && component(o) === 'notifications');
if (!deployment) {
  console.log(`notifications check: ${file}: notifications is not enabled, nothing to check`);
  process.exit(0);
}

// --- the Deployment -------------------------------------------------------------------------
const container = deployment.spec.template.spec.containers[0];
const where = `Deployment/${deployment.metadata.name}`;
const env = checkEnvironment(where, container, { migrationJob: false });

// --- the migration Job ----------------------------------------------------------------------
const job = objects.find((o) => o.kind === 'Job' && component(o) === 'notifications-migrations');
if (!job) problems.push('no notifications migration Job');
else {
  const jobWhere = `Job/${job.metadata.name}`;
  const hooks = job.metadata.annotations?.['helm.sh/hook'] ?? '';
  if (!hooks.includes('pre-install') || !hooks.includes('pre-upgrade'))
    problems.push(`${jobWhere}: not a pre-install,pre-upgrade hook`);
  const migrate = job.spec.template.spec.containers[0];
  if (migrate.command?.at(-1) !== 'migrate' || !migrate.command.includes('main.js'))
    problems.push(`${jobWhere}: does not run main.js migrate`);
  if (migrate.image !== container.image)
    problems.push(`${jobWhere}: image ${migrate.image} is not the Deployment's`);
  const jobEnv = checkEnvironment(jobWhere, migrate, { migrationJob: true });
  if (jobEnv.get('DATABASE_URL')?.value !== env.get('DATABASE_URL')?.value)
    problems.push(`${jobWhere}: migrates another database than the Deployment uses`);
}

// --- email to tickets -------------------------------------------------------------------------
const inboundPort = Number(env.get('INBOUND_SMTP_PORT')?.value ?? 2526);
const smtpPort = (container.ports ?? []).find((port) => port.name === 'smtp');
let smtpService;
if (inboundPort > 0) {
  if (smtpPort?.containerPort !== inboundPort)
    problems.push(
      `${where}: INBOUND_SMTP_PORT is ${inboundPort}, the smtp container port is ${smtpPort?.containerPort}`,
    );
  const selects = (service) =>
    Object.entries(service.spec.selector ?? {}).every(
      ([key, value]) => deployment.spec.template.metadata.labels[key] === value,
    );
  smtpService = [...services.values()].find(
    (service) => selects(service) && service.spec.ports.some((p) => p.targetPort === 'smtp'),
  );
  if (!smtpService) problems.push(`${where}: no Service forwards to its smtp port`);
  const policy = objects.find(
    (o) => o.kind === 'NetworkPolicy' && component(o) === 'notifications',
  );
  if (
    policy &&
    !(policy.spec.ingress ?? []).some((rule) => (rule.ports ?? []).some((p) => p.port === 'smtp'))
  )
    problems.push(
      `NetworkPolicy/${policy.metadata.name}: does not let anything reach the smtp port`,
    );
} else if (smtpPort) {
  problems.push(`${where}: an smtp port although INBOUND_SMTP_PORT is 0`);
}

// --- the gateway reaches it -------------------------------------------------------------------
// A release may leave notifications out of services.gateway.grpcClients (a reduced gateway, as
// in ci/opensearch-values.yaml); where the gateway has the address, it must be the right one.
const gateway = objects.find((o) => o.kind === 'Deployment' && component(o) === 'gateway');
const gatewayEnv = gateway && environmentOf(gateway.spec.template.spec.containers[0]);
const gatewayCalls = gatewayEnv?.has('NOTIFICATIONS_GRPC_URL') ?? false;
if (gatewayCalls)
  checkGrpcUrl(
    `Deployment/${gateway.metadata.name}`,
    gatewayEnv,
    'NOTIFICATIONS_GRPC_URL',
    'notifications',
  );

// --- no mail secret in plain text anywhere ------------------------------------------------------
for (const [name, configMap] of configMaps) {
  for (const key of SECRETS)
    if (key in (configMap.data ?? {})) problems.push(`ConfigMap/${name}: holds ${key}`);
}
for (const object of objects) {
  for (const c of object.spec?.template?.spec?.containers ?? []) {
    for (const variable of c.env ?? []) {
      if (SECRETS.includes(variable.name) && 'value' in variable)
        problems.push(`${object.kind}/${object.metadata.name}: ${variable.name} is a plain value`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `notifications check: ${file}: SMTP_URL, MAIL_REPLY_SECRET (secretKeyRef), DATABASE_URL, tickets and routing gRPC in ${where} and Job/${job.metadata.name}` +
    (smtpService ? `; inbound SMTP through Service/${smtpService.metadata.name}` : '') +
    (gatewayCalls ? '; the gateway calls it' : '; the gateway does not call it (grpcClients)'),
);
