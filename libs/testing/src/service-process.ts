import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from './eventually';

/**
 * How long a service may take to say it is ready. A few seconds on a quiet machine; much more on
 * a busy two-core CI runner where seven services, Kafka and OpenSearch start at once.
 */
const READY_TIMEOUT_MS = 60_000;

export const workspaceRoot = resolve(__dirname, '../../..');

// Children die with the test process, even when a test runner exits early.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => liveChildren.forEach((child) => child.kill('SIGKILL')));

export interface ServiceProcessOptions {
  /** Folder name under dist/services (built by `nx run <name>:build`). */
  service: string;
  env: Record<string, string>;
  /** HTTP port of the service's health endpoints. */
  httpPort: number;
  /** Extra options for node, e.g. `--inspect=127.0.0.1:9230` for a benchmark to read the heap. */
  nodeArgs?: string[];
}

/** A built service running as its own process, as it runs in production. */
export class ServiceProcess {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    liveChildren.add(child);
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code) => {
        liveChildren.delete(child);
        resolveExit(code);
      }),
    );
  }

  static bundle(service: string): string {
    const main = join(workspaceRoot, 'dist/services', service, 'main.js');
    if (!existsSync(main)) {
      throw new Error(`${main} is missing: build it first with \`npx nx run ${service}:build\``);
    }
    return main;
  }

  /** Runs `main.js <args>` to completion (e.g. `migrate`), failing with its output. */
  static async run(service: string, args: string[], env: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, [ServiceProcess.bundle(service), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    if (code !== 0) throw new Error(`${service} ${args.join(' ')} exited with ${code}:\n${output}`);
    return output;
  }

  static async start({
    service,
    env,
    httpPort,
    nodeArgs = [],
  }: ServiceProcessOptions): Promise<ServiceProcess> {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', ...nodeArgs, ServiceProcess.bundle(service)],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...env,
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(httpPort),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const started = new ServiceProcess(service, child, `http://127.0.0.1:${httpPort}`);
    try {
      await eventually(
        `${service} to become ready`,
        async () => {
          if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}`);
          const response = await fetch(`${started.baseUrl}/health/ready`);
          return response.ok ? true : undefined;
        },
        { timeoutMs: READY_TIMEOUT_MS, intervalMs: 200 },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n--- ${service} output ---\n${started.output}`);
    }
    return started;
  }

  /** The operating system's id of the process, e.g. to read its memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get logs(): string {
    return this.output;
  }

  /** SIGTERM, as Kubernetes sends it; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
