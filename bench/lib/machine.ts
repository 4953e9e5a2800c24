// The machine a run came from.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { CHROMIUM } from '../../tests/e2e/browser.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string | null;
  date: string;
}

export function chromiumVersion(): string | null {
  if (!existsSync(CHROMIUM)) return null;
  try {
    // Debian's wrapper script prints a shell warning on stderr before the version: keep the version line.
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 });
    return out.split('\n').find((l) => /\d+\.\d+/.test(l))?.trim() ?? null;
  } catch {
    return null;
  }
}

export function machine(): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
    date: new Date().toISOString(),
  };
}
