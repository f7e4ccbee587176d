import { cpuMsOf, cpuTicksOfStat } from './process-cpu';

// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const stat = (comm: string, utime: number, stime: number): string =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 1500 0 3 0 ${utime} ${stime} 0 0 20 0 11 0\n`;

describe('cpuTicksOfStat', () => {
  it('adds user and system time', () => {
    expect(cpuTicksOfStat(stat('node', 1234, 56))).toBe(1290);
  });

  it('reads past a command name with spaces and parentheses', () => {
    expect(cpuTicksOfStat(stat('node (x) y', 10, 5))).toBe(15);
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => cpuTicksOfStat('hello')).toThrow(/not a \/proc/);
  });
});

describe('cpuMsOf', () => {
  it('is NaN when a process is unknown', () => {
    expect(cpuMsOf([undefined])).toBeNaN();
  });
});
