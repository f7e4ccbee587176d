// Checks how one rendered release wires the gateway (identity, sessions, live events):
//  - its Deployment gets DATABASE_URL (built from DATABASE_PASSWORD, a secretKeyRef) for its own
//    database, KAFKA_BROKERS (its ConfigMap or env) and AUTH_JWT_SECRET from a secretKeyRef, and
//    AUTH_BOOTSTRAP_ADMIN_PASSWORD from a secretKeyRef whenever AUTH_BOOTSTRAP_ADMIN_EMAIL is set;
//  - no secret of the gateway is a plain value: not in a ConfigMap, not in an env `value`;
//  - a Secret of the release that holds them (the chart-managed one, for development) has the
//    keys, a JWT secret of at least 32 characters, and exists before the migration Job (hook);
//  - AUTH_OIDC_PROVIDERS and CORS_ALLOWED_ORIGINS are what the gateway's config schema parses;
//  - its migration Job exists, runs `main.js migrate` as a pre-install/pre-upgrade hook, and
//    has DATABASE_URL and AUTH_JWT_SECRET too (the gateway loads its whole configuration first).
//
// Usage: node charts/check-gateway.mjs <tools-dir> <rendered.yaml>
//   <tools-dir> holds node_modules with yaml (charts/check.sh installs it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [toolsDir, file] = process.argv.slice(2);
if (!toolsDir || !file) throw new Error('usage: check-gateway.mjs <tools-dir> <rendered.yaml>');
const YAML = createRequire(join(toolsDir, 'package.json'))('yaml');

const SECRETS = ['AUTH_JWT_SECRET', 'AUTH_BOOTSTRAP_ADMIN_PASSWORD', 'DATABASE_PASSWORD'];
const objects = YAML.parseAllDocuments(readFileSync(file, 'utf8'))
  .map((document) => document.toJS())
  .filter(Boolean);
const problems = [];
const component = (object) => object.metadata?.labels?.['app.kubernetes.io/component'];
const byName = (kind) =>
  new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));
const configMaps = byName('ConfigMap');
const secrets = byName('Secret');

/** The environment of a container: name -> { value } | { secretKeyRef } | { configMap }. */
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

function checkSecretRef(where, env, name, { minLength = 0, hook = false } = {}) {
  const entry = env.get(name);
  if (!entry) return problems.push(`${where}: no ${name}`);
  if (!entry.secretKeyRef) return problems.push(`${where}: ${name} is not from a secretKeyRef`);
  const value = secretValue(entry.secretKeyRef);
  const { name: secretName, key } = entry.secretKeyRef;
  if (value === null) problems.push(`${where}: ${name}: Secret ${secretName} has no key ${key}`);
  else if (value !== undefined && value.length < minLength)
    problems.push(`${where}: ${name} in Secret ${secretName} is shorter than ${minLength}`);
  if (value !== undefined && hook) {
    const hooks = secrets.get(secretName).metadata.annotations?.['helm.sh/hook'] ?? '';
    if (!hooks.includes('pre-install'))
      problems.push(`${where}: Secret ${secretName} is not created before the migration Job`);
  }
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
  checkSecretRef(where, env, 'AUTH_JWT_SECRET', { minLength: 32, hook: migrationJob });
  if (env.get('AUTH_BOOTSTRAP_ADMIN_EMAIL')?.value)
    checkSecretRef(where, env, 'AUTH_BOOTSTRAP_ADMIN_PASSWORD', {
      minLength: 12,
      hook: migrationJob,
    });
  else if (env.has('AUTH_BOOTSTRAP_ADMIN_PASSWORD'))
    problems.push(`${where}: AUTH_BOOTSTRAP_ADMIN_PASSWORD without AUTH_BOOTSTRAP_ADMIN_EMAIL`);

  const providers = env.get('AUTH_OIDC_PROVIDERS')?.value ?? '[]';
  try {
    const parsed = JSON.parse(providers);
    if (!Array.isArray(parsed)) throw new Error('not an array');
    for (const [index, provider] of parsed.entries()) {
      for (const key of ['issuer', 'jwksUri', 'audience'])
        if (!provider?.[key])
          problems.push(`${where}: AUTH_OIDC_PROVIDERS[${index}] has no ${key}`);
      for (const key of ['issuer', 'jwksUri'])
        if (provider?.[key] && !URL.canParse(provider[key]))
          problems.push(`${where}: AUTH_OIDC_PROVIDERS[${index}].${key} is not a URL`);
    }
  } catch (error) {
    problems.push(`${where}: AUTH_OIDC_PROVIDERS is not a JSON array (${error.message})`);
  }
  for (const origin of (env.get('CORS_ALLOWED_ORIGINS')?.value ?? '').split(',').filter(Boolean)) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      problems.push(`${where}: CORS_ALLOWED_ORIGINS has '${origin}', which is not an origin`);
  }
  return env;
}

// --- the Deployment -------------------------------------------------------------------------
const deployment = objects.find((o) => o.kind === 'Deployment' && component(o) === 'gateway');
if (!deployment) problems.push('no gateway Deployment');
const gatewayContainer = deployment?.spec.template.spec.containers[0];
if (gatewayContainer)
  checkEnvironment(`Deployment/${deployment.metadata.name}`, gatewayContainer, {
    migrationJob: false,
  });

// --- the migration Job ----------------------------------------------------------------------
const job = objects.find((o) => o.kind === 'Job' && component(o) === 'gateway-migrations');
if (!job) problems.push('no gateway migration Job');
else {
  const where = `Job/${job.metadata.name}`;
  const hooks = job.metadata.annotations?.['helm.sh/hook'] ?? '';
  if (!hooks.includes('pre-install') || !hooks.includes('pre-upgrade'))
    problems.push(`${where}: not a pre-install,pre-upgrade hook`);
  const container = job.spec.template.spec.containers[0];
  if (container.command?.at(-1) !== 'migrate' || !container.command.includes('main.js'))
    problems.push(`${where}: does not run main.js migrate`);
  if (gatewayContainer && container.image !== gatewayContainer.image)
    problems.push(`${where}: image ${container.image} is not the gateway's`);
  const env = checkEnvironment(where, container, { migrationJob: true });
  const deploymentUrl = gatewayContainer && environmentOf(gatewayContainer).get('DATABASE_URL');
  if (deploymentUrl && env.get('DATABASE_URL')?.value !== deploymentUrl.value)
    problems.push(`${where}: migrates another database than the Deployment uses`);
}

// --- no secret in plain text anywhere -----------------------------------------------------------
for (const [name, configMap] of configMaps) {
  for (const key of SECRETS)
    if (key in (configMap.data ?? {})) problems.push(`ConfigMap/${name}: holds ${key}`);
}
for (const object of objects) {
  for (const container of object.spec?.template?.spec?.containers ?? []) {
    for (const variable of container.env ?? []) {
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
  `gateway check: ${file}: DATABASE_URL, KAFKA_BROKERS, AUTH_JWT_SECRET (secretKeyRef) in Deployment/${deployment.metadata.name} and Job/${job.metadata.name}`,
);
