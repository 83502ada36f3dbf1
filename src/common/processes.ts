// Processes this service started, found through /proc (Linux) from a pid it holds, so that it counts
// only its own and never other work on the machine (nothing is counted or ended by its name).
import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc shows it; the start time tells it apart from a later process given the same pid. */
export interface OwnProcess {
  pid: number;
  startTime: string;
}

interface Stat {
  state: string;
  ppid: number;
  startTime: string;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces and parentheses: the fields follow the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return null; // gone
  }
}

/** The process and all its descendants (by parent pid), as they are now. */
export function processTree(rootPid: number): OwnProcess[] {
  const root = stat(rootPid);
  if (!root) return [];
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = stat(Number(entry))?.ppid;
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: OwnProcess[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const found = stat(pid);
    if (found) tree.push({ pid, startTime: found.startTime });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Still running: the same process (not a new one with its pid), and not a zombie waiting to be reaped. */
export function isAlive(own: OwnProcess): boolean {
  const now = stat(own.pid);
  return now !== null && now.startTime === own.startTime && now.state !== 'Z';
}

export interface ResidentKb {
  /** All their resident memory (VmRSS), which counts again in each process the binary and fonts they share. */
  rss: number;
  /** The private part (RssAnon): what their own allocations hold, and what grows when they leak. */
  anon: number;
}

/** Resident memory of these processes, summed, in kB (those gone count nothing). */
export function residentKb(processes: OwnProcess[]): ResidentKb {
  const total = { rss: 0, anon: 0 };
  for (const own of processes.filter(isAlive)) {
    try {
      const status = readFileSync(`/proc/${own.pid}/status`, 'utf8');
      total.rss += Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
      total.anon += Number(/^RssAnon:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    } catch {
      // it ended meanwhile
    }
  }
  return total;
}
