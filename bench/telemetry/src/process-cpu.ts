import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * User plus system time of a process in clock ticks, from the text of `/proc/<pid>/stat`
 * (fields 14 and 15; the command name in field 2 may hold spaces and parentheses, so the
 * fields are counted after its closing parenthesis). Threads are included: libuv's pool and
 * the garbage collector work for the process too.
 */
export function cpuTicksOfStat(stat: string): number {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state), so field n is afterName[n - 3].
  const user = Number(afterName[11]);
  const system = Number(afterName[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system))
    throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return user + system;
}

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = Number.NaN;
    }
    if (!(ticksPerSecond > 0)) ticksPerSecond = 100; // Linux's USER_HZ everywhere it runs
  }
  return ticksPerSecond;
}

/** CPU time (ms) the processes used so far, summed; NaN where /proc cannot tell (not Linux). */
export function cpuMsOf(pids: readonly (number | undefined)[]): number {
  let ticks = 0;
  for (const pid of pids) {
    if (pid === undefined) return Number.NaN;
    try {
      ticks += cpuTicksOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return Number.NaN;
    }
  }
  return (ticks * 1000) / clockTicksPerSecond();
}
