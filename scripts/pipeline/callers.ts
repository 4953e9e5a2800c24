// The `npm run …` and `sh` processes a CLI was started through, noted as early as possible (data.ts
// imports this first). npm passes a signal on to the shell it started, and the shell dies without
// passing it on: the CLI watches these processes and stops when one ends, rather than go on
// publishing for a caller that is gone.
import { readFileSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The chain of npm and shell processes above this one, up to the last npm (Linux /proc; elsewhere none). */
function npmCallers(): Array<{ pid: number; name: string }> {
  const chain: Array<{ pid: number; name: string }> = [];
  let pid = process.ppid;
  try {
    for (let depth = 0; depth < 16 && pid > 1; depth++) {
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!/^(npm\b|sh$|dash$|bash$)/.test(name)) break;
      chain.push({ pid, name });
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
  } catch { /* no /proc: signals only */ }
  // Shells above the last npm are the user's terminal or script, which may end on purpose while the run goes on.
  return chain.slice(0, chain.findLastIndex((c) => c.name.startsWith('npm')) + 1);
}

export const CALLERS = npmCallers();
/** Started by npm (it says so in the environment), but already handed to init: npm was killed while this process started. */
export const CALLERS_GONE = process.env['npm_lifecycle_event'] !== undefined && process.ppid === 1;
