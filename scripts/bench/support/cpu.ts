/** CPU use (Linux /proc), so a figure says whether the api, Postgres or the machine was the limit. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/** Pids of the Postgres backends serving `database` (their process title names it). */
export function postgresBackendPids(database: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return pids;
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = values.map(Number);
    const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0);
    return { busy: total - ticks[3] - ticks[4], total }; // minus idle and iowait
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  at: number;
  machine?: { busy: number; total: number };
  groups: Record<string, Map<number, number>>;
}

/** CPU ticks so far of each group of processes (pids looked up now) and of the whole machine. */
export function cpuSnapshot(groups: Record<string, () => number[]>): CpuSnapshot {
  const snapshot: CpuSnapshot = { at: performance.now(), machine: machineTicks(), groups: {} };
  for (const [name, pids] of Object.entries(groups)) {
    const ticks = new Map<number, number>();
    for (const pid of pids()) {
      const n = processTicks(pid);
      if (n !== undefined) ticks.set(pid, n);
    }
    snapshot.groups[name] = ticks;
  }
  return snapshot;
}

/** Per group, % of one core used between two snapshots; `machine` is % of all cores. NaN if unknown. */
export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const seconds = (after.at - before.at) / 1000;
  const usage: Record<string, number> = {};
  for (const [name, ticks] of Object.entries(after.groups)) {
    let used = 0;
    for (const [pid, n] of ticks) used += n - (before.groups[name]?.get(pid) ?? 0);
    usage[name] = ticks.size === 0 ? NaN : (100 * used) / CLOCK_TICKS_PER_SECOND / seconds;
  }
  usage.machine =
    before.machine && after.machine
      ? (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total)
      : NaN;
  return usage;
}
