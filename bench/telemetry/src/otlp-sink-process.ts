import { type ChildProcess, fork } from 'node:child_process';
import { listenOtlpSink, type OtlpCounts, OtlpTally } from './otlp-sink';

/** The argument that makes the benchmark's bundle run as the sink instead of the benchmark. */
export const OTLP_SINK_ROLE = '--otlp-sink';

type SinkMessage = { type: 'listening'; port: number } | { type: 'counts'; counts: OtlpCounts };

/**
 * The child's side: listens, tells its port, and answers `take` with the counts since the last
 * `take`. It exits with the benchmark (the IPC channel closes), also when that one is killed.
 */
export function runOtlpSinkProcess(): void {
  const tally = new OtlpTally();
  const send = (message: SinkMessage): void => void process.send?.(message);
  process.on('message', (message: unknown) => {
    if (message === 'take') send({ type: 'counts', counts: tally.take() });
  });
  process.once('disconnect', () => process.exit(0));
  listenOtlpSink(tally).then(
    (server) => {
      const address = server.address();
      send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
    },
    (error: unknown) => {
      process.stderr.write(`otlp sink: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

/**
 * A collector stand-in in a process of its own, as a collector runs beside the services
 * (an agent on the node) rather than inside the benchmark's event loop, whose timers time
 * every request.
 */
export class OtlpSinkProcess {
  private pending: ((counts: OtlpCounts) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {
    child.on('message', (message: SinkMessage) => {
      if (message.type === 'counts') this.pending.shift()?.(message.counts);
    });
  }

  /** Forks `script` (the benchmark's own bundle) with {@link OTLP_SINK_ROLE}. */
  static async start(script: string): Promise<OtlpSinkProcess> {
    const child = fork(script, [OTLP_SINK_ROLE], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the OTLP sink exited with ${code}`)));
      child.on('message', (message: SinkMessage) => {
        if (message.type === 'listening') resolve(message.port);
      });
    });
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    return new OtlpSinkProcess(child, `http://127.0.0.1:${port}`);
  }

  /** The counts since the last call (or the start), which also starts new ones. */
  take(): Promise<OtlpCounts> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.child.send('take');
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await exited;
  }
}
