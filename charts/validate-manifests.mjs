// Checks manifests rendered by `helm template` without a cluster:
//  - every object against the Kubernetes OpenAPI schemas (the kubernetes-models package), so a
//    misplaced field or a wrong type fails here rather than at `kubectl apply`;
//  - what the platform requires of its pods: Pod Security "restricted" settings, read-only root
//    filesystem, probes on /health/live and /health/ready (the web app's nginx: /healthz),
//    resources, and references (ConfigMaps, Services, HPA targets) that resolve within the
//    release;
//  - with the web app and an Ingress: "/" goes to the web app and every other path to the
//    gateway, so the app finds the API on its own origin.
//
// Usage: node charts/validate-manifests.mjs <tools-dir> <rendered.yaml>...
//   <tools-dir> holds node_modules with kubernetes-models and yaml (charts/check.sh installs them).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolsDir, ...files] = process.argv.slice(2);
if (!toolsDir || files.length === 0)
  throw new Error('usage: validate-manifests.mjs <tools-dir> <rendered.yaml>...');
const YAML = createRequire(join(toolsDir, 'package.json'))('yaml');
const models = join(toolsDir, 'node_modules/kubernetes-models');

let failures = 0;
for (const file of files) {
  const problems = [];
  const objects = YAML.parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS())
    .filter(Boolean);
  const named = (kind) =>
    new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));
  const configMaps = named('ConfigMap');
  const secrets = named('Secret');
  const services = named('Service');
  const deployments = named('Deployment');
  const component = (o) => o.metadata?.labels?.['app.kubernetes.io/component'];

  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    // kubernetes-models is ESM with an "exports" map; its model files are imported by path.
    const [group, version] = object.apiVersion.includes('/')
      ? object.apiVersion.split('/')
      : ['', object.apiVersion];
    const modelFile = join(models, group, version, `${object.kind}.js`);
    try {
      const module = await import(pathToFileURL(modelFile).href);
      const Model = module[object.kind] ?? module.default;
      new Model(object).validate();
    } catch (error) {
      problems.push(
        `${id}: ${error.code === 'ERR_MODULE_NOT_FOUND' ? `no schema for ${object.apiVersion}` : error.message}`,
      );
    }

    const podSpec =
      object.kind === 'Deployment' || object.kind === 'Job'
        ? object.spec?.template?.spec
        : undefined;
    if (!podSpec) continue;
    const pod = podSpec.securityContext ?? {};
    if (pod.runAsNonRoot !== true)
      problems.push(`${id}: pod securityContext.runAsNonRoot is not true`);
    if (pod.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${id}: pod seccompProfile is not RuntimeDefault`);
    if (podSpec.automountServiceAccountToken !== false)
      problems.push(`${id}: mounts a service account token`);
    for (const container of podSpec.containers ?? []) {
      const where = `${id} container ${container.name}`;
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true)
        problems.push(`${where}: root filesystem is writable`);
      if (security.allowPrivilegeEscalation !== false)
        problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (!(security.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${where}: capabilities are not dropped`);
      if (!container.resources?.requests?.memory) problems.push(`${where}: no memory request`);
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef?.name;
        if (ref && !configMaps.has(ref))
          problems.push(`${where}: envFrom ConfigMap ${ref} is not in the release`);
      }
      if (object.kind !== 'Deployment') continue;
      const web = component(object) === 'web';
      const [live, ready] = web ? ['/healthz', '/healthz'] : ['/health/live', '/health/ready'];
      if (container.livenessProbe?.httpGet?.path !== live)
        problems.push(`${where}: liveness probe is not ${live}`);
      if (container.readinessProbe?.httpGet?.path !== ready)
        problems.push(`${where}: readiness probe is not ${ready}`);
      const names = (container.env ?? []).map((variable) => variable.name);
      if (
        names.includes('DATABASE_URL') &&
        names.indexOf('DATABASE_PASSWORD') > names.indexOf('DATABASE_URL')
      ) {
        problems.push(
          `${where}: DATABASE_PASSWORD must come before DATABASE_URL, which refers to it`,
        );
      }
    }
    for (const source of podSpec.containers?.flatMap((c) => c.envFrom ?? []) ?? []) {
      const ref = source.secretRef?.name;
      // The chart's own secret of a service carries the Deployment's name; others are external.
      if (ref && ref === object.metadata.name && !secrets.has(ref))
        problems.push(`${id}: Secret ${ref} is not in the release`);
    }
  }

  for (const [name, deployment] of deployments) {
    if (!services.has(name)) problems.push(`Deployment/${name}: no Service of the same name`);
    const selector = deployment.spec.selector.matchLabels;
    const labels = deployment.spec.template.metadata.labels;
    for (const [key, value] of Object.entries(selector)) {
      if (labels[key] !== value)
        problems.push(`Deployment/${name}: pod labels do not match its selector (${key})`);
    }
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const target = deployments.get(hpa.spec.scaleTargetRef.name);
    if (!target)
      problems.push(
        `HorizontalPodAutoscaler/${hpa.metadata.name}: no Deployment ${hpa.spec.scaleTargetRef.name}`,
      );
    else if (target.spec.replicas !== undefined)
      problems.push(`Deployment/${target.metadata.name}: sets replicas although an HPA scales it`);
  }
  const webService = [...services.values()].find((service) => component(service) === 'web');
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        if (!services.has(path.backend.service.name))
          problems.push(
            `Ingress/${ingress.metadata.name}: no Service ${path.backend.service.name}`,
          );
      }
      if (!webService) continue;
      const where = `Ingress/${ingress.metadata.name} host ${rule.host}`;
      const paths = rule.http?.paths ?? [];
      const root = paths.filter((p) => p.path === '/');
      if (root.length !== 1 || root[0].backend.service.name !== webService.metadata.name)
        problems.push(`${where}: "/" does not go to the web app alone`);
      for (const path of paths.filter((p) => p.path !== '/')) {
        const backend = services.get(path.backend.service.name);
        if (backend && component(backend) !== 'gateway')
          problems.push(`${where}: ${path.path} goes to ${backend.metadata.name}, not the gateway`);
      }
    }
  }

  if (problems.length > 0) {
    failures += 1;
    console.error(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  } else {
    console.log(`${file}: ${objects.length} objects valid`);
  }
}
process.exit(failures > 0 ? 1 : 0);
