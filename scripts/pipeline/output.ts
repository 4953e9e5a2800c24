// Where a run publishes, and how the new dataset replaces the old one in a single step.
//
// OUT/data and OUT/sources are links into a store beside OUT (`.<name of OUT>.budget-lens/`):
//   OUT/data    → ../.OUT.budget-lens/current/data
//   OUT/sources → ../.OUT.budget-lens/current/sources
//   .OUT.budget-lens/current → versions/<id>     (the one pointer a run switches)
//   .OUT.budget-lens/versions/<id>/{data,sources} (the current and the previous dataset)
//   .OUT.budget-lens/stage-<pid>/                (a run's dataset while it is written)
//   .OUT.budget-lens/lock                         (the pid of the run publishing to OUT)
// A run writes its stage, renames it into versions/ and then renames a new `current` link over the
// old one: rename(2) is atomic, so a reader — or a run killed at any moment — sees either the
// previous dataset or the new one, data/ and sources/ always of the same run. The store is beside
// OUT, not inside it, because the site copies everything under public/ (dot-folders included)
// into dist/: a store inside public/ would ship every kept version.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from './types.ts';

export interface Store {
  /** The folder readers use: OUT/data and OUT/sources. */
  out: string;
  /** The store beside it. */
  root: string;
  /** This run's stage (written by publish, switched in by commit). */
  stage: string;
  /** Set once `current` names this run's dataset: from then on a stop must not call it unpublished. */
  switched: boolean;
  released: boolean;
  /** Called just before the first rename: the CLI stops there if its caller has gone (data.ts). */
  beforeSwitch?: () => void;
}

const open = new Set<Store>();

export function storeRootOf(out: string): string {
  const abs = resolve(out);
  return join(dirname(abs), `.${basename(abs)}.budget-lens`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): { pid: number; since: string } | null {
  try {
    const [pid, since] = readFileSync(path, 'utf8').split('\n');
    return { pid: Number(pid), since: since ?? '' };
  } catch {
    return null;
  }
}

/**
 * Takes OUT's lock (a file holding our pid), or refuses in a sentence when a live run holds it.
 * A lock left by a run that died (kill -9, power loss) is taken over: it is moved aside under our
 * own name first, so that of two runs finding the same dead lock only one takes it.
 */
function lock(root: string, out: string): void {
  const path = join(root, 'lock');
  const body = `${process.pid}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    mkdirSync(root, { recursive: true });
    try {
      writeFileSync(path, body, { flag: 'wx' });
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // the store was removed by a run that just ended
      if (code !== 'EEXIST') throw e;
    }
    const held = holderOf(path);
    if (!held) continue;
    if (Number.isInteger(held.pid) && held.pid > 0 && alive(held.pid)) {
      throw new InputError(path, null, null, `${out} is being published by another run (process ${held.pid}, since ${held.since}); wait for it to end and run again. If no budget-lens run is going on, delete ${path}.`);
    }
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // another run took it over first
    }
    const moved = holderOf(aside);
    if (moved && moved.pid !== held.pid) {
      // We moved the fresh lock of a run that took over just before us: give it back.
      try { linkSync(aside, path); } catch { /* a third run holds it now; it refuses or waits as we do */ }
    }
    rmSync(aside, { force: true });
  }
  throw new InputError(path, null, null, `could not take the lock of ${out}: other runs keep taking it; try again`);
}

/** Folders a dead run was writing: the store's stages, and those the pipeline once staged inside OUT. */
function removeStaleStages(root: string, out: string): void {
  for (const [dir, pattern] of [[root, /^stage-(\d+)$/], [out, /^\.budget-lens-stage-(\d+)$/]] as const) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const m = pattern.exec(name);
      if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
  // A `current` link a run made but did not get to rename over the old one.
  if (existsSync(root)) for (const name of readdirSync(root)) if (/^current\.tmp-\d+$/.test(name)) rmSync(join(root, name), { force: true });
}

let beforeSwitch: (() => void) | undefined;
/** What every store of this process calls just before it switches (the CLI's check that its caller is still there). */
export function guardSwitch(fn: () => void): void {
  beforeSwitch = fn;
}

/** Opens OUT for publishing: takes its lock, removes what dead runs left, makes sure OUT's links point at the current dataset. */
export function openStore(outDir: string): Store {
  const out = resolve(outDir);
  const root = storeRootOf(out);
  lock(root, out);
  const store: Store = { out, root, stage: join(root, `stage-${process.pid}`), switched: false, released: false, beforeSwitch };
  open.add(store);
  try {
    removeStaleStages(root, out);
    if (existsSync(join(root, 'current'))) linkOut(store);
  } catch (e) {
    release(store);
    throw e;
  }
  return store;
}

/**
 * Test-only: BUDGET_LENS_TEST_PUBLISH_STEP=<step>:kill makes the run kill itself with SIGKILL at that
 * step of publishing; <step>:wait:<file> makes it create <file>.reached there and wait (blocking, so
 * no signal handler runs meanwhile) until <file> exists. tests/pipeline/atomic.test.ts uses them to
 * stop a run between any two renames, and to act while a run holds the lock.
 */
export const PUBLISH_STEPS = ['writing', 'staged', 'versioned', 'pointer', 'switched', 'linked', 'pruned'] as const;
export function step(name: (typeof PUBLISH_STEPS)[number]): void {
  const hook = process.env['BUDGET_LENS_TEST_PUBLISH_STEP'];
  if (!hook) return;
  const [at, action, file] = hook.split(':');
  if (at !== name) return;
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action === 'wait' && file) {
    writeFileSync(`${file}.reached`, String(process.pid));
    const tick = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 2400 && !existsSync(file); i++) Atomics.wait(tick, 0, 0, 50);
  }
}

/** Points `link` at `target`, replacing whatever is there by one rename (a real folder of an older pipeline is moved into the store first). */
function pointLink(link: string, target: string, root: string): void {
  let st;
  try { st = lstatSync(link); } catch { st = null; }
  if (st?.isSymbolicLink() && readlinkSync(link) === target) return;
  if (st && !st.isSymbolicLink()) {
    // Written by the pipeline before versioned output: not replaceable in one step, once.
    const aside = join(root, `replaced-${basename(link)}-${process.pid}`);
    renameSync(link, aside);
    symlinkSync(target, link);
    rmSync(aside, { recursive: true, force: true });
    return;
  }
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}

function linkOut(store: Store): void {
  mkdirSync(store.out, { recursive: true });
  for (const sub of ['data', 'sources']) pointLink(join(store.out, sub), join(relative(store.out, store.root), 'current', sub), store.root);
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Switches OUT to the complete stage. Synchronous from the first rename to the switch, so a signal
 * handler (JavaScript) runs either before the switch or after it, never between.
 */
export function commit(store: Store): void {
  store.beforeSwitch?.();
  step('staged');
  const versions = join(store.root, 'versions');
  mkdirSync(versions, { recursive: true });
  const id = `${stamp()}-${process.pid}`;
  renameSync(store.stage, join(versions, id));
  step('versioned');
  const current = join(store.root, 'current');
  let previous: string | null = null;
  try { previous = basename(readlinkSync(current)); } catch { /* the first run */ }
  const tmp = join(store.root, `current.tmp-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join('versions', id), tmp);
  step('pointer');
  renameSync(tmp, current);
  store.switched = true;
  step('switched');
  linkOut(store);
  step('linked');
  // The previous version stays for readers that opened it just before the switch (a site build).
  for (const v of readdirSync(versions)) if (v !== id && v !== previous) rmSync(join(versions, v), { recursive: true, force: true });
  step('pruned');
}

/** Removes the stage (unless switched in) and the lock; removes the store itself when nothing was ever published to it. */
export function release(store: Store): void {
  if (store.released) return;
  store.released = true;
  open.delete(store);
  rmSync(store.stage, { recursive: true, force: true });
  rmSync(join(store.root, 'lock'), { force: true });
  try { rmdirSync(store.root); } catch { /* it holds a dataset */ }
}

/** On SIGINT/SIGTERM: give up every run of this process that has not switched yet. Returns whether one had (its dataset is published). */
export function abandonAll(): boolean {
  let switched = false;
  for (const s of [...open]) {
    switched ||= s.switched;
    release(s);
  }
  return switched;
}
