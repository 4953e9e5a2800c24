// Run the pipeline CLI (all or nothing: --strict) on a folder made of `files`, into an output folder that already holds a
// marker, and tell whether that output was left untouched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

/**
 * `prepare` may add to the raw folder what writeFileSync cannot (a folder, a link, a named pipe);
 * `outName` names the output folder inside a fresh temporary one (to try a name with a quote in it).
 * The run is stopped after `timeout` ms (a read that blocks shows as a null status, not a hung test).
 */
export function runOn(files: Record<string, string | Buffer>, opts: { prepare?: (raw: string) => void; outName?: string; timeout?: number } = {}) {
  const raw = mkdtempSync(join(tmpdir(), 'bl-raw-'));
  const out = opts.outName ? join(mkdtempSync(join(tmpdir(), 'bl-out-')), opts.outName) : mkdtempSync(join(tmpdir(), 'bl-out-'));
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data', 'previous.csv'), 'kept');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(raw, name), content);
  opts.prepare?.(raw);
  // --strict: these tests are about what refuses a run (all or nothing); quarantine.test.ts covers the default.
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--raw', raw, '--out', out, '--strict', '--no-cache'], { encoding: 'utf8', timeout: opts.timeout ?? 120_000 });
  const untouched = readdirSync(out).join(',') === 'data' && readdirSync(join(out, 'data')).join(',') === 'previous.csv'
    && readFileSync(join(out, 'data', 'previous.csv'), 'utf8') === 'kept';
  return { status: r.status, stderr: r.stderr, untouched, out, raw };
}
