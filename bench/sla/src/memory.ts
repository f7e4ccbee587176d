import { readFile } from 'node:fs/promises';

export interface MemorySample {
  /** Resident set size of the process, from the kernel. */
  rssBytes: number;
  /** V8 heap in use, from the process itself (through the inspector). */
  heapUsedBytes: number;
  heapTotalBytes: number;
}

/** `VmRSS` of /proc/<pid>/status in bytes; NaN when absent. */
export function rssOfProcStatus(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
}

interface InspectorReply {
  id: number;
  result?: { result?: { value?: unknown } };
  error?: { message: string };
}

/**
 * Reads the memory of a Node process started with `--inspect`: the heap through the inspector
 * protocol (`process.memoryUsage()` evaluated in the process, optionally after a full GC), the
 * RSS from /proc. Nothing is paused; each read costs the process microseconds.
 */
export class MemoryReader {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: InspectorReply) => void>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly pid: number,
  ) {
    socket.addEventListener('message', (event) => {
      const reply = JSON.parse(String(event.data)) as InspectorReply;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async connect(inspectorPort: number, pid: number): Promise<MemoryReader> {
    const response = await fetch(`http://127.0.0.1:${inspectorPort}/json/list`);
    const [target] = (await response.json()) as { webSocketDebuggerUrl: string }[];
    if (!target) throw new Error(`no inspector target on port ${inspectorPort}`);
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('inspector unreachable')), {
        once: true,
      });
    });
    return new MemoryReader(socket, pid);
  }

  async sample({ collectGarbage = false } = {}): Promise<MemorySample> {
    if (collectGarbage) await this.call('HeapProfiler.collectGarbage');
    const reply = await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(String(reply.result?.result?.value)) as {
      heapUsed: number;
      heapTotal: number;
    };
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    return {
      rssBytes: rssOfProcStatus(status),
      heapUsedBytes: usage.heapUsed,
      heapTotalBytes: usage.heapTotal,
    };
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<InspectorReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`inspector ${method} timed out`));
      }, 10_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}

/** The largest of each figure over samples taken every `intervalMs` while running. */
export class MemoryPeaks {
  peak: MemorySample = { rssBytes: 0, heapUsedBytes: 0, heapTotalBytes: 0 };
  samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private failure: unknown;

  constructor(
    private readonly reader: MemoryReader,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.reader.sample().then(
        (sample) => {
          this.samples += 1;
          this.peak = {
            rssBytes: Math.max(this.peak.rssBytes, sample.rssBytes),
            heapUsedBytes: Math.max(this.peak.heapUsedBytes, sample.heapUsedBytes),
            heapTotalBytes: Math.max(this.peak.heapTotalBytes, sample.heapTotalBytes),
          };
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      );
    }, this.intervalMs);
  }

  stop(): MemorySample {
    clearInterval(this.timer);
    if (this.failure) throw this.failure;
    return this.peak;
  }
}
