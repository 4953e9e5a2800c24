// Damaged copies of the vendored disclosures at scale, by hand (not part of `npm test` or `npm run bench`):
//   node bench/mutate.ts [--n 5000] [--seed 1] [--jobs 1] [--timeout 60000] [--doc luoyang] [--kind 'huge line inserted'] [--log run.jsonl]
// Mutation i goes to document i mod (number of documents), made by tests/pipeline/mutate.ts from
// (seed, i), and is read by the pipeline's reading stage in a worker thread, killed past --timeout.
// It reports every crash (an error that is not the pipeline's own InputError), every read past the
// wall-time limit (a hang) or out of memory, every read over 5 s of CPU time, and every read whose
// output is far larger than its input warrants (output characters per input byte more than 4 times
// the original document's). Exit 1 if any.
import { Worker } from 'node:worker_threads';
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mutate, originals, readMutant, type Mutant, type Original, type Result } from '../tests/pipeline/mutate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RAW = join(ROOT, 'data/raw');

interface Task { doc: number; i: number; seed: number; kind?: string }
interface Done { task: Task; kind: string; detail: string; bytes: number; result: Result | null; failure: 'timeout' | 'oom' | 'died' | null; why?: string }

if (!isMainThread) {
  // A worker: read the mutants it is sent, one at a time.
  const docs: Original[] = originals(RAW);
  const kinds: string[] | undefined = workerData?.kinds;
  parentPort!.on('message', async (t: Task) => {
    const m: Mutant = mutate(docs[t.doc]!, t.seed, t.i, kinds);
    parentPort!.postMessage({ kind: m.kind, detail: m.detail, bytes: m.bytes.length, phase: 'start' });
    const result = await readMutant(m);
    parentPort!.postMessage({ kind: m.kind, detail: m.detail, bytes: m.bytes.length, result, phase: 'done' });
  });
} else {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' }, seed: { type: 'string', default: '1' }, jobs: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '60000' }, doc: { type: 'string' }, kind: { type: 'string', multiple: true },
      log: { type: 'string' },
    },
  });
  const n = Number(values.n); const seed = Number(values.seed); const jobs = Number(values.jobs); const timeout = Number(values.timeout);
  const all = originals(RAW);
  const docIdx = all.map((_, k) => k).filter((k) => !values.doc || all[k]!.file.includes(values.doc));
  const kinds = values.kind;

  // Output per input byte of each original, the yardstick for "output grows faster than input".
  const ratio = new Map<string, number>();
  for (const k of docIdx) {
    const r = await readMutant({ file: all[k]!.file, kind: 'original', detail: '', bytes: all[k]!.bytes });
    ratio.set(all[k]!.file, r.outputChars / all[k]!.bytes.length);
  }

  const tasks: Task[] = Array.from({ length: n }, (_, i) => ({ doc: docIdx[i % docIdx.length]!, i, seed }));
  const done: Done[] = [];
  const t0 = performance.now();
  const spawn = () => new Worker(fileURLToPath(import.meta.url), { workerData: { kinds }, resourceLimits: { maxOldGenerationSizeMb: 3072 } });

  async function lane(): Promise<void> {
    let w = spawn();
    for (let task = tasks.shift(); task; task = tasks.shift()) {
      const t = task;
      const d = await new Promise<Done>((resolve) => {
        let info = { kind: '?', detail: '', bytes: 0 };
        const timer = setTimeout(() => { cleanup(); void w.terminate(); w = spawn(); resolve({ task: t, ...info, result: null, failure: 'timeout' }); }, timeout);
        const onMsg = (msg: { phase: string; kind: string; detail: string; bytes: number; result?: Result }) => {
          info = { kind: msg.kind, detail: msg.detail, bytes: msg.bytes };
          if (msg.phase === 'done') { cleanup(); resolve({ task: t, ...info, result: msg.result!, failure: null }); }
        };
        const onErr = (e: Error) => {
          cleanup(); w = spawn();
          // An error the read did not catch (an unhandled rejection) ends the worker: a crash too.
          const oom = /memory/i.test(`${(e as { code?: string }).code} ${e.message}`);
          resolve({ task: t, ...info, result: null, failure: oom ? 'oom' : 'died', why: `${e.name}: ${e.message}`.slice(0, 200) });
        };
        const cleanup = () => { clearTimeout(timer); w.off('message', onMsg); w.off('error', onErr); };
        w.on('message', onMsg); w.on('error', onErr);
        w.postMessage(t);
      });
      done.push(d);
      // One JSON line per mutation (--log): two runs (before and after a change) compared mutation by mutation.
      if (values.log) appendFileSync(values.log, `${JSON.stringify({ i: d.task.i, file: all[d.task.doc]!.file, kind: d.kind, detail: d.detail, outcome: d.failure ?? d.result!.outcome, cpuMs: d.result?.cpuMs ?? null, message: d.why ?? d.result?.message ?? '' })}\n`);
      if (done.length % 100 === 0) process.stderr.write(`[mutate] ${done.length}/${n} in ${Math.round((performance.now() - t0) / 1000)} s, load ${loadavg()[0]!.toFixed(2)}\n`);
    }
    await w.terminate();
  }
  // Stopped early (SIGINT/SIGTERM: a long run on a busy machine), it reports what it has read so far.
  let reported = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { tasks.length = 0; report(); process.exit(process.exitCode ?? 0); });
  await Promise.all(Array.from({ length: jobs }, lane));
  report();

  function report(): void {
    if (reported) return;
    reported = true;
    const fileOf = (d: Done) => all[d.task.doc]!.file;
    const count = (f: (d: Done) => boolean) => done.filter(f).length;
    const crashes = done.filter((d) => d.result?.outcome === 'crash');
    const failures = done.filter((d) => d.failure);
    const slow = done.filter((d) => d.result && d.result.cpuMs > 5000);
    const bloated = done.filter((d) => d.result && d.result.outcome === 'read'
      && d.result.outputChars > 4 * ratio.get(fileOf(d))! * d.bytes + 100_000);
    const line = (d: Done) => `  seed ${d.task.seed} i ${d.task.i} ${fileOf(d)} [${d.kind}: ${d.detail}]`;

    console.log(`mutations: ${done.length} (seed ${seed}) in ${Math.round((performance.now() - t0) / 1000)} s, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`read: ${count((d) => d.result?.outcome === 'read')}, refused (InputError): ${count((d) => d.result?.outcome === 'refused')}, crashed: ${crashes.length}, worker died (uncaught): ${count((d) => d.failure === 'died')}, past ${timeout} ms: ${count((d) => d.failure === 'timeout')}, out of memory: ${count((d) => d.failure === 'oom')}, over 5 s of CPU: ${slow.length}, output out of proportion: ${bloated.length}`);
    const byKind = new Map<string, Record<string, number>>();
    for (const d of done) {
      const k = byKind.get(d.kind) ?? {}; byKind.set(d.kind, k);
      const o = d.failure ?? d.result!.outcome; k[o] = (k[o] ?? 0) + 1;
    }
    console.log('by mutation:');
    for (const [k, v] of [...byKind].sort()) console.log(`  ${k}: ${Object.entries(v).map(([o, c]) => `${o} ${c}`).join(', ')}`);
    // Crashes grouped by their message with the numbers taken out: one line per cause.
    const groups = new Map<string, Done[]>();
    for (const d of crashes) {
      const key = d.result!.message.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 300);
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    if (groups.size) console.log('crashes:');
    for (const [key, ds] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`- ${ds.length} × ${key}`);
      for (const d of ds.slice(0, 3)) console.log(line(d));
    }
    if (failures.length) console.log('worker died, past the time limit or out of memory:');
    for (const d of failures) console.log(`${line(d)} ${d.failure}${d.why ? ` (${d.why})` : ''}`);
    if (slow.length) console.log('over 5 s of CPU time:');
    for (const d of slow) console.log(`${line(d)} ${Math.round(d.result!.cpuMs)} ms CPU, ${Math.round(d.result!.ms)} ms wall`);
    if (bloated.length) console.log('output out of proportion to input:');
    for (const d of bloated) console.log(`${line(d)} ${d.bytes} bytes in → ${d.result!.outputChars} characters out`);
    if (crashes.length || failures.length || slow.length || bloated.length) process.exitCode = 1;
  }
}
