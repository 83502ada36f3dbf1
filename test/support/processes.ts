// Processes a test started, found through /proc from a pid the test holds, so that a test counts and
// ends only its own and never other work on the machine (nothing is ended or counted by its name).
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

/** Kills exactly these processes (those still alive). */
export function kill(processes: OwnProcess[]): void {
  for (const own of processes.filter(isAlive)) {
    try {
      process.kill(own.pid, 'SIGKILL');
    } catch {
      // it ended meanwhile
    }
  }
}

/** Waits (up to `timeoutMs`) for these processes to end; answers those still alive. */
export async function stillAliveAfter(processes: OwnProcess[], timeoutMs = 5000): Promise<OwnProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = processes.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resident memory of these processes, in kB (those gone count nothing). */
export function residentKb(processes: OwnProcess[]): number {
  let total = 0;
  for (const own of processes.filter(isAlive)) {
    try {
      total += Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${own.pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // it ended meanwhile
    }
  }
  return total;
}
