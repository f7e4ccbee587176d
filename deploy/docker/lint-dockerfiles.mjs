// Lints the image recipes without a Docker engine (hadolint is not packaged for Debian):
//  1. syntax and flags with dockerfile-utils (the linter of the VS Code Docker language server);
//  2. what an image of this project needs, on the parsed Dockerfile (dockerfile-ast):
//     - one shared recipe for the NestJS services, no per-service copies, and a recipe
//       deploy/docker/<app>.Dockerfile for each UI app (projects tagged type:ui: the web app);
//     - every COPY source exists: in the build context and not excluded by the recipe's ignore
//       file (<recipe>.dockerignore beside it, which BuildKit prefers, else the root
//       .dockerignore), or in the stage it is copied from (node_modules from `npm ci --omit=dev`,
//       a project's dist/ folder from its Nx build, with main.js and proto/ for a service and
//       index.html for a UI app where a build exists locally);
//     - build stages on node:24; a UI app's runtime on a pinned nginx-unprivileged image;
//     - the final stage runs as a non-root USER (numeric for a UI app, whose pod leaves the user
//       to the image), has a HEALTHCHECK (/health/live of a service, /healthz of a UI app),
//       EXPOSEs its port and starts its server in exec form (PID 1 gets the stop signal itself);
//     - a UI app's nginx configuration works on a read-only root filesystem (pid and temp files
//       under /tmp), listens on the EXPOSEd port, serves /healthz and the copied build;
//  3. the services agree everywhere they are listed: services/*/project.json, the port table of
//     build-images.sh, the artifacts of skaffold.yaml and `services` in the chart's values; a UI
//     app is built by build-images.sh and skaffold.yaml and has its own key in the chart's values
//     (`web`), whose containerPort is the port nginx listens on.
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
const uiDockerfile = (name) => `deploy/docker/${name}.Dockerfile`;
const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);
const read = (path) => readFileSync(join(root, path), 'utf8');

// --- the projects with an image, as each place lists them ------------------------------------
const projects = readdirSync(join(root, 'services'), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(join(root, 'services', entry.name, 'project.json')),
  )
  .map((entry) => ({
    name: entry.name,
    ...JSON.parse(read(`services/${entry.name}/project.json`)),
  }))
  .filter((project) => project.targets?.build)
  .sort((a, b) => a.name.localeCompare(b.name));
const isUi = (project) => (project.tags ?? []).includes('type:ui');
// NestJS services: one Node image each, from the shared recipe.
const services = projects.filter((p) => !isUi(p)).map((p) => p.name);
// UI apps: static files, each in an nginx image of its own recipe.
const uiApps = projects.filter(isUi).map((p) => p.name);
const projectOf = (name) => projects.find((p) => p.name === name);

// --- which recipes --------------------------------------------------------------------------
const perService = services.filter((name) =>
  existsSync(join(root, 'services', name, 'Dockerfile')),
);
/** { file, kind: 'service' | 'ui', app? } */
const recipes = [];
if (existsSync(join(root, sharedDockerfile))) {
  recipes.push({ file: sharedDockerfile, kind: 'service' });
  for (const name of perService) {
    problem(
      `services/${name}/Dockerfile`,
      `a copy beside the shared ${sharedDockerfile}: remove it`,
    );
  }
} else {
  for (const name of perService)
    recipes.push({ file: `services/${name}/Dockerfile`, kind: 'service' });
  for (const name of services.filter((n) => !perService.includes(n))) {
    problem(`services/${name}`, 'has no Dockerfile');
  }
}
const serviceRecipe = existsSync(join(root, sharedDockerfile)) ? sharedDockerfile : undefined;
for (const app of uiApps) {
  const file = uiDockerfile(app);
  if (existsSync(join(root, file))) recipes.push({ file, kind: 'ui', app });
  else problem(`services/${app}`, `a UI app (type:ui) without its image recipe ${file}`);
}

// --- ignore files (Go filepath.Match patterns plus "**", "!" exceptions, last match wins) ---
const parseIgnore = (path) =>
  read(path)
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
    });
/** The ignore file BuildKit applies to a recipe: its own beside it, else the root one. */
const ignoreFileOf = (recipe) =>
  existsSync(join(root, `${recipe.file}.dockerignore`))
    ? `${recipe.file}.dockerignore`
    : '.dockerignore';
for (const recipe of recipes) {
  const ignoreFile = ignoreFileOf(recipe);
  recipe.ignoreFile = ignoreFile;
  recipe.ignoreRules = existsSync(join(root, ignoreFile)) ? parseIgnore(ignoreFile) : null;
  recipe.ignored = (path) => {
    let result = false;
    for (const rule of recipe.ignoreRules ?? []) if (rule.regex.test(path)) result = !rule.negate;
    return result;
  };
  if (!recipe.ignoreRules) {
    problem(
      ignoreFile,
      `missing (${recipe.file}): the host node_modules and dist would be sent as build context`,
    );
    continue;
  }
  const built =
    recipe.kind === 'service'
      ? ['services/gateway/node_modules', 'dist/services/gateway/main.js']
      : [`services/${recipe.app}/node_modules`, `dist/services/${recipe.app}/index.html`];
  for (const path of ['node_modules', ...built, '.git', '.nx']) {
    if (!recipe.ignored(path)) problem(ignoreFile, `does not exclude ${path}`);
  }
  // What `nx run <project>:build` reads inside the image.
  const needed =
    recipe.kind === 'service'
      ? ['proto', 'libs', 'services', 'tools', 'scripts']
      : [`services/${recipe.app}`, `services/${recipe.app}/index.html`];
  needed.push('package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json');
  const generated = 'libs/contracts/src/generated';
  if (recipe.kind === 'service' && existsSync(join(root, generated))) needed.push(generated);
  for (const path of needed) {
    if (existsSync(join(root, path)) && recipe.ignored(path))
      problem(ignoreFile, `excludes ${path}, which the build of ${recipe.file} needs`);
  }
}

// --- each recipe ----------------------------------------------------------------------------
const unquote = (value) => value.replace(/^"(.*)"$/, '$1');
const NGINX_IMAGE =
  /^(docker\.io\/)?nginxinc\/nginx-unprivileged:\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?$/;
for (const recipe of recipes) {
  const { file } = recipe;
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
  if (stages.length === 0) {
    problem(file, 'no FROM');
    continue;
  }
  const final = stages.at(-1);
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
  /** Where the final stage puts a copied file or folder: destination -> COPY source. */
  const finalCopies = [];

  for (const stage of stages) {
    const base = baseImage(stage);
    if (recipe.kind === 'ui' && stage === final) {
      if (!NGINX_IMAGE.test(base)) {
        problem(
          file,
          `the runtime stage is based on ${base}, not a version-pinned nginxinc/nginx-unprivileged (the configuration is nginx's, and the image must run unprivileged)`,
        );
      }
    } else if (!/^node:24([-.]|$)/.test(base)) {
      problem(
        file,
        `stage ${stage.name ?? '?'} is based on ${base}, not node:24 (package.json engines)`,
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
      const destination = args.at(-1);
      const fromFlag = instruction.getFromFlag?.()?.getValue();
      for (const source of sources) {
        if (stage === final) finalCopies.push({ source, destination, fromFlag, line });
        if (!fromFlag) {
          const path = source.replace(/^\.\/?/, '').replace(/\/$/, '');
          if (path === '') continue;
          if (!existsSync(join(root, path)))
            problem(`${file}:${line}`, `COPY source ${source} is not in the repository`);
          else if (recipe.ignored(path))
            problem(`${file}:${line}`, `COPY source ${source} is excluded by ${recipe.ignoreFile}`);
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
        const dist = path.match(/^dist\/services\/(\$\{?SERVICE\}?|[a-z0-9-]+)$/);
        if (path === 'node_modules') {
          if (recipe.kind === 'ui') {
            problem(`${file}:${line}`, 'node_modules in a static image, which runs no Node');
          } else if (!/npm ci\b[^\n]*--omit=dev/.test(stageRuns)) {
            problem(
              `${file}:${line}`,
              `node_modules from stage ${fromFlag}, which does not run npm ci --omit=dev`,
            );
          }
        } else if (dist && recipe.kind === 'service' && /^\$/.test(dist[1])) {
          if (!/nx run "?\$\{?SERVICE\}?:build/.test(stageRuns)) {
            problem(
              `${file}:${line}`,
              `${path} from stage ${fromFlag}, which does not run nx run \${SERVICE}:build`,
            );
          }
          for (const name of services) {
            const build = projectOf(name).targets.build;
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
        } else if (dist && recipe.kind === 'ui' && dist[1] === recipe.app) {
          const app = recipe.app;
          if (!new RegExp(`nx run "?${app}:build`).test(stageRuns)) {
            problem(
              `${file}:${line}`,
              `${path} from stage ${fromFlag}, which does not run nx run ${app}:build`,
            );
          }
          const build = projectOf(app).targets.build;
          if (!(build.outputs ?? []).includes(`{workspaceRoot}/dist/services/${app}`)) {
            problem(
              `services/${app}/project.json`,
              `build outputs do not include dist/services/${app}, which the image copies`,
            );
          }
          const built = join(root, 'dist/services', app);
          if (existsSync(built) && !existsSync(join(built, 'index.html')))
            problem(relative(root, built), 'built, but without index.html');
        } else {
          problem(
            `${file}:${line}`,
            `COPY --from=${fromFlag} ${source}: not an output this check knows`,
          );
        }
      }
    }
  }

  const last = (keyword) => final.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
  const user = last('USER')?.getArgumentsContent()?.split(':')[0];
  if (!user || user === 'root' || user === '0')
    problem(file, `the final stage runs as ${user ?? 'root (no USER)'}`);
  else if (recipe.kind === 'ui' && !/^\d+$/.test(user)) {
    // The chart's pod says runAsNonRoot and leaves the user to the image: the kubelet refuses
    // to start a container whose user is a name, which it cannot check.
    problem(file, `USER ${user}: a UI image's user must be numeric (uid[:gid])`);
  }
  const healthPath = recipe.kind === 'ui' ? '/healthz' : '/health/live';
  const healthcheck = last('HEALTHCHECK');
  if (!healthcheck || !/\bCMD\b/.test(healthcheck.getArgumentsContent()))
    problem(file, 'the final stage has no HEALTHCHECK CMD');
  else if (!healthcheck.getArgumentsContent().includes(healthPath))
    problem(file, `the HEALTHCHECK does not probe ${healthPath}`);
  const expose = last('EXPOSE');
  if (!expose) problem(file, 'the final stage EXPOSEs no port');
  const start = last('ENTRYPOINT') ?? last('CMD');
  if (!start) problem(file, 'the final stage has no ENTRYPOINT or CMD');
  else if (!start.getArgumentsContent().trim().startsWith('[')) {
    problem(
      file,
      `${start.getKeyword()} in shell form: the server would not be PID 1 and would not get the stop signal`,
    );
  }

  if (recipe.kind === 'ui') {
    const exposed = (expose?.getArguments() ?? []).map((a) => Number(a.getValue().split('/')[0]));
    const healthPort = healthcheck?.getArgumentsContent().match(/127\.0\.0\.1:(\d+)\//)?.[1];
    if (healthPort && !exposed.includes(Number(healthPort)))
      problem(file, `the HEALTHCHECK probes port ${healthPort}, which is not EXPOSEd`);
    recipe.ports = exposed;
    lintNginx(recipe, finalCopies, start?.getArgumentsContent() ?? '');
  }
}

/** The nginx configuration a UI image copies to /etc/nginx/nginx.conf. */
function lintNginx(recipe, copies, start) {
  const { file } = recipe;
  const configCopy = copies.find((c) => !c.fromFlag && c.destination === '/etc/nginx/nginx.conf');
  if (!configCopy) {
    problem(file, 'copies no configuration to /etc/nginx/nginx.conf');
    return;
  }
  const configFile = configCopy.source.replace(/^\.\//, '');
  if (!existsSync(join(root, configFile))) return; // reported with the COPY
  // Directives, without comments; a quoted string may hold a '#'.
  const config = read(configFile)
    .split('\n')
    .map((line) => line.replace(/^((?:[^#'"]|'[^']*'|"[^"]*")*)#.*$/, '$1'))
    .join('\n');
  const directive = (name) =>
    [...config.matchAll(new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;{]+);`, 'g'))].map((m) =>
      m[1].trim(),
    );
  const pid = directive('pid')[0];
  if (!pid?.startsWith('/tmp/'))
    problem(configFile, `pid ${pid ?? '(default)'}: not under /tmp, the only writable path`);
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    const path = directive(`${temp}_temp_path`)[0];
    if (!path?.startsWith('/tmp/'))
      problem(configFile, `${temp}_temp_path ${path ?? '(default)'}: not under /tmp`);
  }
  const listens = directive('listen').map((value) => Number(value.match(/(\d+)(?:\s|$)/)?.[1]));
  if (listens.length === 0) problem(configFile, 'no listen directive');
  for (const port of listens) {
    if (!(port > 1024))
      problem(configFile, `listen ${port}: an unprivileged user cannot bind a port below 1025`);
    if (!recipe.ports.includes(port))
      problem(file, `EXPOSE ${recipe.ports.join(' ')}, but nginx listens on ${port}`);
  }
  recipe.listen = listens[0];
  if (!/location\s+=\s*\/healthz\s*\{[^}]*return\s+200/.test(config))
    problem(configFile, 'no location = /healthz returning 200 (probes and HEALTHCHECK)');
  if (!/try_files\s+\$uri\s+\/index\.html\s*;/.test(config))
    problem(configFile, 'no fallback to /index.html for the pages of the app');
  const webRoot = directive('root')[0]?.replace(/\/$/, '');
  const build = copies.find((c) => c.fromFlag && /dist\/services\//.test(c.source));
  if (build && webRoot !== build.destination.replace(/\/$/, ''))
    problem(configFile, `root ${webRoot}, but the build is copied to ${build.destination}`);
  if (!directive('daemon').includes('off') && !/daemon off/.test(start))
    problem(file, 'nginx is not started in the foreground (daemon off)');
}

// --- the services agree across build-images.sh, skaffold.yaml and the chart ----------------
const buildImages = read('deploy/docker/build-images.sh');
const portTable = new Map(
  [...buildImages.matchAll(/^\s*\[([a-z0-9-]+)\]="(\d+)(?: (\d+))?"/gm)].map((m) => [
    m[1],
    { http: Number(m[2]), grpc: m[3] ? Number(m[3]) : undefined },
  ]),
);
const values = YAML.parse(read('charts/itsm/values.yaml'));
const skaffold = existsSync(join(root, 'skaffold.yaml')) ? YAML.parse(read('skaffold.yaml')) : null;
if (!skaffold) problem('skaffold.yaml', 'missing');
const skaffoldArtifacts = skaffold?.build?.artifacts ?? [];
const artifacts = new Map(
  skaffoldArtifacts
    .filter((a) => a.docker?.buildArgs?.SERVICE)
    .map((a) => [a.docker.buildArgs.SERVICE, a]),
);
const templates = skaffold?.deploy?.helm?.releases?.[0]?.setValueTemplates ?? {};
const imageValues = (where, valuesKey, image) => {
  const key = image.replace(/-/g, '_');
  for (const [field, variable] of [
    ['repository', `IMAGE_REPO_${key}`],
    ['tag', `IMAGE_TAG_${key}`],
  ]) {
    if (!String(templates[`${valuesKey}.image.${field}`] ?? '').includes(variable)) {
      problem(where, `setValueTemplates does not set ${valuesKey}.image.${field} from ${variable}`);
    }
  }
};
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
    if (serviceRecipe && artifact.docker.dockerfile !== serviceRecipe) {
      problem(
        'skaffold.yaml',
        `artifact itsm-${name} builds ${artifact.docker.dockerfile}, not ${serviceRecipe}`,
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
    imageValues('skaffold.yaml', `services.${name}`, `itsm-${name}`);
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

// A UI app: its image "itsm-<app>" from its own recipe, and its own key in the chart's values.
for (const recipe of recipes.filter((r) => r.kind === 'ui')) {
  const { app, file } = recipe;
  const image = `itsm-${app}`;
  const buildImagesCode = buildImages.replace(/^\s*#.*$/gm, '');
  if (!buildImagesCode.includes(file))
    problem('deploy/docker/build-images.sh', `does not build ${image} from ${file}`);
  const artifact = skaffoldArtifacts.find((a) => a.image === image);
  if (!artifact) problem('skaffold.yaml', `no artifact ${image}`);
  else {
    if (artifact.docker?.dockerfile !== file)
      problem(
        'skaffold.yaml',
        `artifact ${image} builds ${artifact.docker?.dockerfile}, not ${file}`,
      );
    if (artifact.docker?.buildArgs?.SERVICE)
      problem('skaffold.yaml', `artifact ${image} passes SERVICE, which ${file} does not take`);
    imageValues('skaffold.yaml', app, image);
  }
  const chart = values[app];
  if (typeof chart?.enabled !== 'boolean')
    problem('charts/itsm/values.yaml', `no ${app}.enabled for the UI app ${app}`);
  else if (recipe.listen && chart.containerPort !== recipe.listen) {
    problem(
      'charts/itsm/values.yaml',
      `${app}.containerPort ${chart.containerPort}, but the image's nginx listens on ${recipe.listen}`,
    );
  }
  if (values.services?.[app])
    problem('charts/itsm/values.yaml', `services.${app}: ${app} is a UI app, not a service`);
}
const known = new Set([...services, ...uiApps].map((name) => `itsm-${name}`));
for (const artifact of skaffoldArtifacts) {
  if (!known.has(artifact.image))
    problem('skaffold.yaml', `artifact ${artifact.image} is no service or UI app`);
}

if (problems.length > 0) {
  console.error(problems.map((p) => `  - ${p}`).join('\n'));
  console.error(`dockerfile lint: ${problems.length} problem(s)`);
  process.exit(1);
}
const summary = recipes.map((recipe) =>
  recipe.kind === 'ui'
    ? `${recipe.file} ok for ${recipe.app}`
    : `${recipe.file} ok for ${services.join(', ')}`,
);
console.log(`dockerfile lint: ${summary.join('; ')}`);
