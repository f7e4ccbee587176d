import { execFileSync } from 'node:child_process';
import { workspaceRoot } from '../service-process';
import { testEnvironment } from '../test-environment';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The benchmark talks to local infrastructure only. */
export function assertLoopbackInfrastructure(): void {
  const environment = testEnvironment();
  const hosts = [
    environment.PGHOST,
    ...environment.kafkaBrokers.map((broker) => broker.replace(/:\d+$/, '')),
  ];
  const remote = hosts.filter((host) => !LOOPBACK.has(host));
  if (remote.length > 0)
    throw new Error(`refusing to run against non-local hosts: ${remote.join(', ')}`);
}

// Released on success, failure and Ctrl-C alike; a signal during acquisition (e.g. while
// the platform starts) waits for it, so nothing it created is left behind.
const releases = new Set<() => Promise<void>>();

export async function using<R, T>(
  acquisition: Promise<R>,
  release: (resource: R) => Promise<void>,
  body: (resource: R) => Promise<T>,
): Promise<T> {
  let released: Promise<void> | undefined;
  // A failed acquisition cleans up after itself (startPlatform, createTicketsDatabase).
  const releaseOnce = (): Promise<void> =>
    (released ??= acquisition.then(release, () => undefined));
  releases.add(releaseOnce);
  try {
    return await body(await acquisition);
  } finally {
    releases.delete(releaseOnce);
    await releaseOnce();
  }
}

/** Releases whatever `using` still holds, e.g. on SIGINT. */
export async function releaseAll(): Promise<void> {
  await Promise.allSettled([...releases].map((release) => release()));
}

/** The commit a figure belongs to, `-dirty` when the tree has changes. */
export function commitOfWorkspace(): string {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '-dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** A whole-number command-line option within bounds; the error names the flag and shows the usage. */
export function integerOption(
  name: string,
  text: string,
  min: number,
  max: number,
  usage: string,
): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer in [${min}, ${max}], got ${text}\n${usage}`);
  }
  return value;
}

/**
 * Runs a benchmark's `main` as the process: Ctrl-C or SIGTERM releases what `using` holds
 * (services stopped, databases dropped) before exiting, and a failure is reported, cleaned up
 * after and ends the process with status 1.
 */
export function runBenchmarkMain(name: string, main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: cleaning up...\n`);
      void releaseAll().finally(() => process.exit(130));
    });
  }
  main().then(
    () => process.exit(0),
    async (error: unknown) => {
      process.stderr.write(
        `${name} benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      await releaseAll();
      process.exit(1);
    },
  );
}
