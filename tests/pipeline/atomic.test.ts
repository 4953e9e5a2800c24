// The output is never half-written: a run killed at any step of publishing, stopped by a signal, or
// racing another run into the same folder leaves one whole dataset — data/ and sources/ of one run.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { PUBLISH_STEPS, storeRootOf } from '../../scripts/pipeline/output.ts';

const CLI = join(ROOT, 'scripts/data.ts');
// Two small inputs that publish the same doc_id from different bytes, so a dataset tells which run wrote it:
// the vendored UTF-8 form (the previous dataset) and its GBK copy (the new one).
const utf8 = mkdtempSync(join(tmpdir(), 'bl-atomic-utf8-'));
const gbk = mkdtempSync(join(tmpdir(), 'bl-atomic-gbk-'));
copyFileSync(join(ROOT, 'data/raw/zhengzhou-2020-performance.txt'), join(utf8, 'form.txt'));
copyFileSync(join(ROOT, 'tests/pipeline/fixtures/gbk-encoded-performance-form.txt'), join(gbk, 'form.txt'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const PREVIOUS = sha(join(utf8, 'form.txt'));
const NEW = sha(join(gbk, 'form.txt'));

function cli(raw: string, out: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [CLI, '--raw', raw, '--out', out, '--no-cache'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}
function ended(child: ReturnType<typeof spawn>): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  return new Promise((res) => child.on('close', (status, signal) => res({ status, signal, stderr })));
}

/**
 * The dataset readers see in OUT, checked whole: every file datapackage.json names has its size and
 * hash, and its sources are the files in sources/. Returns the sha256 of the source it was read from.
 */
function wholeDataset(out: string): string {
  const pkg = JSON.parse(readFileSync(join(out, 'data', 'datapackage.json'), 'utf8')) as {
    resources: Array<{ path: string; hash: string }>; sources: Array<{ path: string; sha256: string }>;
  };
  for (const r of pkg.resources) assert.equal(`sha256:${sha(join(out, 'data', r.path))}`, r.hash, `data/${r.path} is the one datapackage.json describes`);
  assert.equal(pkg.sources.length, 1);
  const documents = readFileSync(join(out, 'data', 'documents.csv'), 'utf8');
  assert.ok(documents.includes(pkg.sources[0]!.sha256), 'documents.csv and datapackage.json are of the same run');
  // sources/ holds the text of that same run: a GBK input is published as UTF-8 text, the UTF-8 one unchanged.
  assert.deepEqual(readdirSync(join(out, 'sources')), ['zhengzhou-2020-rlzyhshbzj-performance.txt']);
  const text = readFileSync(join(out, 'sources', 'zhengzhou-2020-rlzyhshbzj-performance.txt'));
  assert.equal(pkg.sources[0]!.sha256 === PREVIOUS, text.equals(readFileSync(join(utf8, 'form.txt'))), 'sources/ is of the same run as data/');
  return pkg.sources[0]!.sha256;
}

// One previous dataset, copied (links as links) into a fresh folder for each case.
const base = mkdtempSync(join(tmpdir(), 'bl-atomic-'));
before(() => {
  const r = spawnSync(process.execPath, [CLI, '--raw', utf8, '--out', join(base, 'out'), '--no-cache'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
let n = 0;
function withPrevious(): string {
  const dir = join(tmpdir(), `bl-atomic-case-${process.pid}-${n++}`);
  cpSync(base, dir, { recursive: true, verbatimSymlinks: true });
  assert.equal(wholeDataset(join(dir, 'out')), PREVIOUS);
  return join(dir, 'out');
}

test('a run killed (SIGKILL) at each step of publishing leaves a whole dataset: the previous one until the switch, the new one after it', async () => {
  const cases = PUBLISH_STEPS.map((step) => ({ step, out: withPrevious() }));
  // Four at a time: each run mostly waits on Node's start-up and the disk.
  for (let i = 0; i < cases.length; i += 4) {
    await Promise.all(cases.slice(i, i + 4).map(async ({ step, out }) => {
      const r = await ended(cli(gbk, out, { BUDGET_LENS_TEST_PUBLISH_STEP: `${step}:kill` }));
      assert.equal(r.signal, 'SIGKILL', `killed at ${step}: ${r.stderr}`);
      const switched = PUBLISH_STEPS.indexOf(step) >= PUBLISH_STEPS.indexOf('switched');
      assert.equal(wholeDataset(out), switched ? NEW : PREVIOUS, `killed at ${step}`);
    }));
  }
  // The next run takes over the dead run's lock, removes its stage and publishes.
  const out = cases[0]!.out; // killed while writing: its stage and its lock are left behind
  const store = storeRootOf(out);
  assert.ok(existsSync(join(store, 'lock')) && readdirSync(store).some((f) => f.startsWith('stage-')));
  const r = await ended(cli(gbk, out));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(wholeDataset(out), NEW);
  assert.deepEqual(readdirSync(store).sort(), ['current', 'versions'], 'no stage, no lock, no half-made link left');
  assert.equal(readdirSync(join(store, 'versions')).length, 2, 'the new dataset and the previous one (for readers that opened it)');
});

/** A run that waits at `step` until told to go on: reached() resolves once it is there, resume() lets it go. */
function waitingAt(step: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'bl-atomic-wait-')), 'resume');
  return {
    env: { BUDGET_LENS_TEST_PUBLISH_STEP: `${step}:wait:${file}` },
    reached: async () => { while (!existsSync(`${file}.reached`)) await new Promise((r) => setTimeout(r, 20)); },
    resume: () => writeFileSync(file, ''),
  };
}

test('SIGTERM before the switch: the run stops, says nothing was published, and leaves the previous dataset and no stage', async () => {
  const out = withPrevious();
  // Held after its tables are written: the signal is handled as soon as it goes on (at its next await).
  const hold = waitingAt('writing');
  const child = cli(gbk, out, hold.env);
  const done = ended(child);
  await hold.reached();
  child.kill('SIGTERM');
  hold.resume();
  const r = await done;
  assert.equal(r.status, 143, r.stderr);
  assert.match(r.stderr, /stopped by SIGTERM; nothing was published; .* is unchanged/);
  assert.equal(wholeDataset(out), PREVIOUS);
  assert.deepEqual(readdirSync(storeRootOf(out)).sort(), ['current', 'versions']);
});

test('two runs into one folder: the second refuses in a sentence while the first publishes; one whole dataset', async () => {
  const out = withPrevious();
  const hold = waitingAt('staged');
  const first = cli(gbk, out, hold.env);
  const firstEnded = ended(first);
  await hold.reached();
  const second = await ended(cli(utf8, out));
  hold.resume();
  assert.equal(second.status, 1);
  assert.match(second.stderr, new RegExp(`is being published by another run \\(process ${first.pid}, since .*\\); wait for it to end`));
  assert.match(second.stderr, /Nothing was published/);
  const r = await firstEnded;
  assert.equal(r.status, 0, r.stderr);
  assert.equal(wholeDataset(out), NEW);
});

test('an output folder written by the earlier pipeline (real data/ and sources/ folders, a dead run\'s stage) is switched to links once and cleaned', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bl-atomic-old-')), 'out');
  mkdirSync(join(out, 'data'), { recursive: true });
  mkdirSync(join(out, 'sources'));
  // What the earlier pipeline left when killed while writing (pid 99999999 is above Linux's pid_max: no such process).
  mkdirSync(join(out, '.budget-lens-stage-99999999', 'data'), { recursive: true });
  const r = spawnSync(process.execPath, [CLI, '--raw', gbk, '--out', out, '--no-cache'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(wholeDataset(out), NEW);
  assert.deepEqual(readdirSync(storeRootOf(out)).sort(), ['current', 'versions']);
  assert.deepEqual(readdirSync(out).sort(), ['data', 'sources'], 'the dead run\'s stage is gone');
});

test('killing `npm run data` stops its node child before it publishes (npm passes the signal to a shell that does not pass it on)', async () => {
  const out = withPrevious();
  // Killed while it publishes: its tables are written, its stage is not complete yet.
  const hold = waitingAt('writing');
  const npm = spawn('npm', ['run', '--silent', 'data', '--', '--raw', gbk, '--out', out, '--no-cache'], { cwd: ROOT, env: { ...process.env, ...hold.env }, stdio: 'ignore' });
  const npmEnded = new Promise((r) => npm.on('close', r));
  await hold.reached();
  const lock = join(storeRootOf(out), 'lock');
  const child = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  npm.kill('SIGTERM');
  await npmEnded;
  hold.resume();
  // The child notices within a quarter of a second, at the latest just before the switch.
  const alive = () => { try { process.kill(child, 0); return true; } catch { return false; } };
  for (let i = 0; i < 200 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(!alive(), 'the node child ended');
  assert.equal(wholeDataset(out), PREVIOUS, 'and did not publish');
  assert.ok(!existsSync(lock), 'it gave the lock back');
});
