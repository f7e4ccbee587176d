// Lints the service image recipe without a Docker engine (hadolint is not packaged for Debian):
//  1. syntax and flags with dockerfile-utils (the linter of the VS Code Docker language server);
//  2. what an image of this project needs, on the parsed Dockerfile (dockerfile-ast):
//     - one shared recipe, no per-service copies;
//     - every COPY source exists: in the build context and not excluded by .dockerignore, or in
//       the stage it is copied from (node_modules from `npm ci --omit=dev`, the service's dist/
//       folder from its Nx build, with main.js and proto/ where a build exists locally);
//     - the final stage runs as a non-root USER, has a HEALTHCHECK, EXPOSEs ports and starts
//       node in exec form (PID 1 receives SIGTERM itself, so the drain on shutdown happens);
//  3. the services agree everywhere they are listed: services/*/project.json, the port table of
//     build-images.sh, the artifacts of skaffold.yaml and `services` in the chart's values.
//
// Usage: node deploy/docker/lint-dockerfiles.mjs <tools-dir>
//   <tools-dir> holds node_modules with dockerfile-utils and yaml (charts/check.sh installs them).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolsDir = process.argv[2];
if (!toolsDir) throw new Error('usage: lint-dockerfiles.mjs <tools-dir>');
const requireTool = createRequire(join(toolsDir, 'package.json'));
const { validate, ValidationSeverity } = requireTool('dockerfile-utils');
const { DockerfileParser } = requireTool('dockerfile-ast');
const YAML = requireTool('yaml');

const root = fileURLToPath(new URL('../..', import.meta.url));
const sharedDockerfile = 'deploy/docker/service.Dockerfile';
const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);
const read = (path) => readFileSync(join(root, path), 'utf8');

// --- the services, as each place lists them -----------------------------------------------
const services = readdirSync(join(root, 'services'), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(join(root, 'services', entry.name, 'project.json')),
  )
  .map((entry) => entry.name)
  .filter((name) => {
    const project = JSON.parse(read(`services/${name}/project.json`));
    // The web app is static files served by the gateway, not a Node service image of its own.
    return project.targets?.build && !(project.tags ?? []).includes('type:ui');
  })
  .sort();

// --- which recipe -------------------------------------------------------------------------
const perService = services.filter((name) =>
  existsSync(join(root, 'services', name, 'Dockerfile')),
);
let dockerfiles;
if (existsSync(join(root, sharedDockerfile))) {
  dockerfiles = [sharedDockerfile];
  for (const name of perService) {
    problem(
      `services/${name}/Dockerfile`,
      `a copy beside the shared ${sharedDockerfile}: remove it`,
    );
  }
} else {
  dockerfiles = perService.map((name) => `services/${name}/Dockerfile`);
  for (const name of services.filter((n) => !perService.includes(n))) {
    problem(`services/${name}`, 'has no Dockerfile');
  }
}

// --- .dockerignore (Go filepath.Match patterns plus "**", "!" exceptions, last match wins) ---
const ignoreRules = existsSync(join(root, '.dockerignore'))
  ? read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const negate = line.startsWith('!');
        const pattern = (negate ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
        const source = pattern
          .split('/')
          .map((part) =>
            part === '**'
              ? '(?:.*)'
              : part
                  .replace(/[.+^${}()|\\]/g, '\\$&')
                  .replace(/\*/g, '[^/]*')
                  .replace(/\?/g, '[^/]'),
          )
          .join('/')
          .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
        return { negate, regex: new RegExp(`^${source}(?:/.*)?$`) };
      })
  : null;
const ignored = (path) => {
  let result = false;
  for (const rule of ignoreRules ?? []) if (rule.regex.test(path)) result = !rule.negate;
  return result;
};
if (!ignoreRules) {
  problem(
    '.dockerignore',
    'missing: the host node_modules and dist would be sent as build context',
  );
} else {
  for (const path of [
    'node_modules',
    'services/gateway/node_modules',
    'dist/services/gateway/main.js',
    '.git',
    '.nx',
  ]) {
    if (!ignored(path)) problem('.dockerignore', `does not exclude ${path}`);
  }
  // What `nx run <service>:build` reads inside the image.
  const needed = [
    'package.json',
    'package-lock.json',
    'nx.json',
    'tsconfig.base.json',
    'proto',
    'libs',
    'services',
    'tools',
    'scripts',
  ];
  const generated = 'libs/contracts/src/generated';
  if (existsSync(join(root, generated))) needed.push(generated);
  for (const path of needed) {
    if (existsSync(join(root, path)) && ignored(path))
      problem('.dockerignore', `excludes ${path}, which the build needs`);
  }
}

// --- each recipe --------------------------------------------------------------------------
const unquote = (value) => value.replace(/^"(.*)"$/, '$1');
for (const file of dockerfiles) {
  const content = read(file);
  for (const diagnostic of validate(content)) {
    const line = diagnostic.range.start.line + 1;
    if (diagnostic.severity === ValidationSeverity.ERROR)
      problem(`${file}:${line}`, diagnostic.message);
    else console.warn(`warning: ${file}:${line}: ${diagnostic.message}`);
  }

  const dockerfile = DockerfileParser.parse(content);
  const globalArgs = Object.fromEntries(
    dockerfile
      .getInitialARGs()
      .map((arg) => [arg.getProperty().getName(), arg.getProperty().getValue() ?? '']),
  );
  // Stages: the instructions from one FROM to the next.
  const stages = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      stages.push({
        from: instruction,
        name: instruction.getBuildStage(),
        instructions: [],
        workdir: '/',
        args: new Set(),
      });
    } else if (stages.length > 0) {
      const stage = stages.at(-1);
      stage.instructions.push(instruction);
      if (keyword === 'WORKDIR') stage.workdir = instruction.getArgumentsContent();
      if (keyword === 'ARG') stage.args.add(instruction.getProperty().getName());
    }
  }
  const stageByName = new Map(stages.map((stage) => [stage.name, stage]));
  const baseImage = (stage) => {
    const image = stage.from
      .getImageName()
      ?.replace(/\$\{?(\w+)\}?/g, (_, name) => globalArgs[name] ?? '');
    const parent = stageByName.get(image);
    return parent
      ? baseImage(parent)
      : `${image}${stage.from.getImageTag() ? `:${stage.from.getImageTag()}` : ''}`;
  };
  const inheritedWorkdir = (stage) => {
    if (stage.instructions.some((i) => i.getKeyword() === 'WORKDIR')) return stage.workdir;
    const parent = stageByName.get(stage.from.getImageName());
    return parent ? inheritedWorkdir(parent) : '/';
  };
  const runs = (stage) => {
    const own = stage.instructions
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent());
    const parent = stageByName.get(stage.from.getImageName());
    return parent ? [...runs(parent), ...own] : own;
  };

  for (const stage of stages) {
    if (!/^node:24([-.]|$)/.test(baseImage(stage))) {
      problem(
        file,
        `stage ${stage.name ?? '?'} is based on ${baseImage(stage)}, not node:24 (package.json engines)`,
      );
    }
    for (const instruction of stage.instructions) {
      const line = instruction.getRange().start.line + 1;
      for (const match of instruction.getArgumentsContent()?.matchAll(/\$\{?(\w+)\}?/g) ?? []) {
        const name = match[1];
        const declared =
          stage.args.has(name) ||
          ['ENV', 'RUN', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT'].includes(instruction.getKeyword());
        if (!declared) problem(`${file}:${line}`, `\${${name}} is not an ARG of this stage`);
      }
      if (!['COPY', 'ADD'].includes(instruction.getKeyword())) continue;
      const args = instruction.getArguments().map((a) => unquote(a.getValue()));
      const sources = args.slice(0, -1);
      const fromFlag = instruction.getFromFlag?.()?.getValue();
      for (const source of sources) {
        if (!fromFlag) {
          const path = source.replace(/^\.\/?/, '').replace(/\/$/, '');
          if (path === '') continue;
          if (!existsSync(join(root, path)))
            problem(`${file}:${line}`, `COPY source ${source} is not in the repository`);
          else if (ignored(path))
            problem(`${file}:${line}`, `COPY source ${source} is excluded by .dockerignore`);
          continue;
        }
        const from = stageByName.get(fromFlag);
        if (!from) {
          problem(`${file}:${line}`, `COPY --from=${fromFlag}: no such stage before it`);
          continue;
        }
        const workdir = inheritedWorkdir(from).replace(/\/$/, '');
        if (!source.startsWith(`${workdir}/`)) {
          problem(
            `${file}:${line}`,
            `COPY --from=${fromFlag} ${source}: outside the stage's WORKDIR ${workdir}`,
          );
          continue;
        }
        const path = source.slice(workdir.length + 1).replace(/\/$/, '');
        const stageRuns = runs(from).join('\n');
        if (path === 'node_modules') {
          if (!/npm ci\b[^\n]*--omit=dev/.test(stageRuns)) {
            problem(
              `${file}:${line}`,
              `node_modules from stage ${fromFlag}, which does not run npm ci --omit=dev`,
            );
          }
        } else if (/^dist\/services\/\$\{?SERVICE\}?$/.test(path)) {
          if (!/nx run "?\$\{?SERVICE\}?:build/.test(stageRuns)) {
            problem(
              `${file}:${line}`,
              `${path} from stage ${fromFlag}, which does not run nx run \${SERVICE}:build`,
            );
          }
          for (const name of services) {
            const project = JSON.parse(read(`services/${name}/project.json`));
            const build = project.targets.build;
            if (!(build.outputs ?? []).includes(`{workspaceRoot}/dist/services/${name}`)) {
              problem(
                `services/${name}/project.json`,
                `build outputs do not include dist/services/${name}, which the image copies`,
              );
            }
            if (!JSON.stringify(build.options ?? {}).includes(`dist/services/${name}/proto`)) {
              problem(
                `services/${name}/project.json`,
                `build does not put proto/ into dist/services/${name}`,
              );
            }
            const built = join(root, 'dist/services', name);
            if (existsSync(built)) {
              for (const needed of ['main.js', 'proto/itsm']) {
                if (!existsSync(join(built, needed)))
                  problem(relative(root, built), `built, but without ${needed}`);
              }
            }
          }
        } else {
          problem(
            `${file}:${line}`,
            `COPY --from=${fromFlag} ${source}: not an output this check knows`,
          );
        }
      }
    }
  }

  const final = stages.at(-1);
  const last = (keyword) => final.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
  const user = last('USER')?.getArgumentsContent()?.split(':')[0];
  if (!user || user === 'root' || user === '0')
    problem(file, `the final stage runs as ${user ?? 'root (no USER)'}`);
  const healthcheck = last('HEALTHCHECK');
  if (!healthcheck || !/\bCMD\b/.test(healthcheck.getArgumentsContent()))
    problem(file, 'the final stage has no HEALTHCHECK CMD');
  else if (!healthcheck.getArgumentsContent().includes('/health/live'))
    problem(file, 'the HEALTHCHECK does not probe /health/live');
  if (!last('EXPOSE')) problem(file, 'the final stage EXPOSEs no port');
  const start = last('ENTRYPOINT') ?? last('CMD');
  if (!start) problem(file, 'the final stage has no ENTRYPOINT or CMD');
  else if (!start.getArgumentsContent().trim().startsWith('[')) {
    problem(
      file,
      `${start.getKeyword()} in shell form: node would not be PID 1 and would not get SIGTERM`,
    );
  }
}

// --- the services agree across build-images.sh, skaffold.yaml and the chart ----------------
const portTable = new Map(
  [
    ...read('deploy/docker/build-images.sh').matchAll(/^\s*\[([a-z0-9-]+)\]="(\d+)(?: (\d+))?"/gm),
  ].map((m) => [m[1], { http: Number(m[2]), grpc: m[3] ? Number(m[3]) : undefined }]),
);
const values = YAML.parse(read('charts/itsm/values.yaml'));
const skaffold = existsSync(join(root, 'skaffold.yaml')) ? YAML.parse(read('skaffold.yaml')) : null;
if (!skaffold) problem('skaffold.yaml', 'missing');
const artifacts = new Map(
  (skaffold?.build?.artifacts ?? []).map((a) => [a.docker?.buildArgs?.SERVICE, a]),
);
const templates = skaffold?.deploy?.helm?.releases?.[0]?.setValueTemplates ?? {};
for (const name of services) {
  const ports = portTable.get(name);
  const chart = values.services?.[name];
  const artifact = artifacts.get(name);
  if (!ports) problem('deploy/docker/build-images.sh', `no ports for service ${name}`);
  if (!chart) problem('charts/itsm/values.yaml', `no services.${name}`);
  if (!artifact) problem('skaffold.yaml', `no artifact with buildArgs.SERVICE=${name}`);
  if (!ports || !chart) continue;
  if (chart.httpPort !== ports.http || (chart.grpcPort ?? undefined) !== ports.grpc) {
    problem(
      'charts/itsm/values.yaml',
      `services.${name} ports ${chart.httpPort}/${chart.grpcPort} differ from build-images.sh ${ports.http}/${ports.grpc}`,
    );
  }
  if (artifact) {
    const args = artifact.docker.buildArgs;
    if (artifact.image !== `itsm-${name}`)
      problem('skaffold.yaml', `artifact ${artifact.image}: the chart expects itsm-${name}`);
    if (artifact.docker.dockerfile !== dockerfiles[0] && dockerfiles.length === 1) {
      problem(
        'skaffold.yaml',
        `artifact itsm-${name} builds ${artifact.docker.dockerfile}, not ${dockerfiles[0]}`,
      );
    }
    if (
      Number(args.HTTP_PORT) !== ports.http ||
      (args.GRPC_PORT ? Number(args.GRPC_PORT) : undefined) !== ports.grpc
    ) {
      problem(
        'skaffold.yaml',
        `artifact itsm-${name} ports differ from build-images.sh ${ports.http}/${ports.grpc}`,
      );
    }
    const key = `IMAGE_REPO_itsm_${name.replace(/-/g, '_')}`;
    if (!String(templates[`services.${name}.image.repository`] ?? '').includes(key)) {
      problem(
        'skaffold.yaml',
        `setValueTemplates does not set services.${name}.image.repository from ${key}`,
      );
    }
  }
  // The config schema's default port, where it is written as `HTTP_PORT...default(<n>)`.
  const configDir = join(root, 'services', name, 'src/config');
  const config = existsSync(configDir)
    ? readdirSync(configDir)
        .map((f) => read(`services/${name}/src/config/${f}`))
        .join('\n')
    : '';
  for (const [variable, expected] of [
    ['HTTP_PORT', ports.http],
    ['GRPC_PORT', ports.grpc],
  ]) {
    const found = config.match(new RegExp(`${variable}:[^\\n]*\\.default\\((\\d+)\\)`));
    if (found && Number(found[1]) !== expected) {
      problem(
        `services/${name}/src/config`,
        `${variable} defaults to ${found[1]}, the image and chart use ${expected}`,
      );
    }
  }
}
for (const name of portTable.keys()) {
  if (!services.includes(name))
    problem(
      'deploy/docker/build-images.sh',
      `lists ${name}, which is not a service with a build target`,
    );
}

if (problems.length > 0) {
  console.error(problems.map((p) => `  - ${p}`).join('\n'));
  console.error(`dockerfile lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`dockerfile lint: ${dockerfiles.join(', ')} ok for ${services.join(', ')}`);
