// Processes a test started, found through /proc from a pid the test holds, so that a test counts and
// ends only its own and never other work on the machine (nothing is ended or counted by its name).
import { isAlive, type OwnProcess } from '../../src/common/processes';

export { isAlive, processTree, residentKb, type OwnProcess } from '../../src/common/processes';

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
