// The pipeline at scale, on its own (npm run bench:pipeline): documents/s on one core and on every
// core, peak memory, and the time to publish again after adding one document to a corpus whose
// readings are cached. Prints a table (stdout), progress with the load average (stderr), and writes
// bench/results-pipeline.json (not in git).
//   node bench/pipeline-scale.ts [--sizes 10,100,1000] [--rounds 7] [--big-rounds 2] [--add-rounds 7]
// First the largest size: one run on every core that fills the cache, then --add-rounds runs that
// each add a different new document to it (each a real cache miss). Then --rounds interleaved rounds
// of (1 worker, every core) at each size; sizes of 1,000 documents and more only --big-rounds of
// them (default 0: a round on 1,000 documents takes many minutes on a busy machine).
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOne, plan, writeCorpus } from './generate.ts';
import { pipelineRun } from './lib/pipeline.ts';
import { fmt, progress, progressLog, summarize, type Summary } from './lib/stats.ts';
import { machine } from './lib/machine.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    rounds: { type: 'string', default: '7' },
    'big-rounds': { type: 'string', default: '0' },
    'add-rounds': { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const ROUNDS = Number(values.rounds);
const BIG_ROUNDS = Number(values['big-rounds']);
const ADD_ROUNDS = Number(values['add-rounds']);
const CORES = availableParallelism();

const work = mkdtempSync(join(tmpdir(), 'bl-bench-pipeline-'));
const load0 = loadavg()[0]!;
progress(`work in ${work}; ${CORES} cores; load ${load0.toFixed(2)}`);

interface Cell { ms: number[]; rssMB: number[]; phases: Array<Record<string, number>> }
const RESULTS = join(import.meta.dirname, 'results-pipeline.json');
const partial: Record<string, unknown> = {};
const MACHINE = machine();
/** Written after every run: a run the session's time cuts short still leaves its figures. */
function save(): void {
  writeFileSync(RESULTS, JSON.stringify({ machine: MACHINE, sizes: SIZES, rounds: ROUNDS, bigRounds: BIG_ROUNDS, cells: Object.fromEntries(cells), ...partial, progress: progressLog }, null, 2));
}
const cells = new Map<string, Cell>();
const cell = (docs: number, workers: number) => {
  const k = `${docs}:${workers}`;
  if (!cells.has(k)) cells.set(k, { ms: [], rssMB: [], phases: [] });
  return cells.get(k)!;
};

const corpora = SIZES.map((docs) => {
  const raw = join(work, `corpus-${docs}`);
  writeCorpus(raw, docs);
  return { docs, raw };
});

// 1. One document added to the largest corpus whose readings are cached: what a daily update costs.
// First a run on every core fills the cache (its time is also the largest size's first figure on
// every core: writing the cache costs a serialisation and a file per document, and every file is
// read all the same); then each round adds a different new document and publishes again.
const cache = join(work, 'cache');
const biggest = corpora.at(-1)!;
const out = join(work, 'out-incremental');
progress(`${biggest.docs} documents, ${CORES} workers, filling the cache`);
const cold = await pipelineRun(biggest.raw, out, { workers: CORES, cache });
cell(biggest.docs, CORES).ms.push(cold.ms);
cell(biggest.docs, CORES).rssMB.push(cold.rssMB);
cell(biggest.docs, CORES).phases.push(cold.phases);
save();
const extra = plan(biggest.docs + ADD_ROUNDS).slice(biggest.docs).map(generateOne);
const extraDir = join(work, 'extra');
writeCorpus(extraDir, 0);
for (const d of extra) writeFileSync(join(extraDir, d.file), d.text);
const added: number[] = [];
const addedWall: number[] = [];
const addedRss: number[] = [];
const addedPhases: Array<Record<string, number>> = [];
let previous: string | null = null;
for (const d of extra) {
  if (previous) rmSync(join(biggest.raw, previous));
  copyFileSync(join(extraDir, d.file), join(biggest.raw, d.file));
  previous = d.file;
  progress(`incremental: ${biggest.docs} cached + ${d.file}`);
  const one = await pipelineRun(biggest.raw, out, { cache, keep: true });
  added.push(one.ms);
  addedWall.push(one.wallMs);
  addedRss.push(one.rssMB);
  addedPhases.push(one.phases);
  partial['incremental'] = { docs: biggest.docs, coldMs: cold.ms, addedMs: added, addedWallMs: addedWall, addedRssMB: addedRss, addedPhases };
  save();
}
if (previous) rmSync(join(biggest.raw, previous));

// 2. Throughput: every size with 1 worker and with every core, interleaved (the order of the two
// alternates by round, so a change of the machine's load hits both alike); sizes of 1,000 and more
// only --big-rounds rounds.
for (let r = 0; r < ROUNDS; r++) {
  for (const { docs, raw } of corpora) {
    if (docs >= 1000 && r >= BIG_ROUNDS) continue;
    const order = r % 2 ? [CORES, 1] : [1, CORES];
    for (const workers of order) {
      progress(`round ${r + 1}/${ROUNDS}: ${docs} documents, ${workers} worker${workers > 1 ? 's' : ''}`);
      const one = await pipelineRun(raw, join(work, `out-${docs}-${workers}`), { workers });
      cell(docs, workers).ms.push(one.ms);
      cell(docs, workers).rssMB.push(one.rssMB);
      cell(docs, workers).phases.push(one.phases);
      save();
    }
  }
}
const loads = progressLog.map((p) => p.load1);

const rows: Array<Record<string, unknown>> = [];
const lines = ['| documents | workers | runs | documents / s | documents / s per core | peak RSS (MB) |', '|---|---|---|---|---|---|'];
for (const { docs } of corpora) {
  for (const workers of [1, CORES]) {
    const c = cell(docs, workers);
    const dps = summarize(c.ms.map((ms) => docs / (ms / 1000)));
    const perCore = summarize(c.ms.map((ms) => docs / (ms / 1000) / workers));
    const rss = summarize(c.rssMB);
    rows.push({ docs, workers, ms: summarize(c.ms), docsPerSecond: dps, perCore, peakRssMB: rss });
    lines.push(`| ${docs.toLocaleString('en-US')} | ${workers} | ${c.ms.length} | ${fmt(dps, 1)} | ${fmt(perCore, 1)} | ${fmt(rss)} |`);
  }
}
// Where the time goes: reading, then each part of publishing (scripts/data.ts's summary), medians in seconds.
const phaseNames = [...new Set([...cells.values()].flatMap((c) => c.phases.flatMap((p) => Object.keys(p))))];
const phaseRow = (label: string, runs: Array<Record<string, number>>) =>
  `| ${label} | ${runs.length} | ${phaseNames.map((k) => fmt(summarize(runs.map((p) => (p[k] ?? 0) / 1000)), 1)).join(' | ')} |`;
lines.push('', `| run | runs | ${phaseNames.map((k) => `${k} (s)`).join(' | ')} |`, `|---|---|${phaseNames.map(() => '---').join('|')}|`);
for (const { docs } of corpora) {
  for (const workers of [1, CORES]) {
    const c = cell(docs, workers);
    if (c.phases.length) lines.push(phaseRow(`${docs.toLocaleString('en-US')} documents, ${workers} worker${workers > 1 ? 's' : ''}`, c.phases));
  }
}
if (addedPhases.length) lines.push(phaseRow(`one added to ${biggest.docs.toLocaleString('en-US')} cached`, addedPhases));
const addS: Summary = summarize(added.map((x) => x / 1000));
lines.push('', `Adding one document to ${biggest.docs.toLocaleString('en-US')} cached: ${fmt(addS, 1, ' s')} inside run(), ${fmt(summarize(addedWall.map((x) => x / 1000)), 1, ' s')} wall (${added.length} runs, peak RSS ${fmt(summarize(addedRss))} MB); the run on every core that filled the cache took ${(cold.ms / 1000).toFixed(1)} s.`);
lines.push(`Load average (1 min): ${load0.toFixed(2)} at the start, ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} during the run.`);
process.stdout.write(`${lines.join('\n')}\n`);
partial['throughput'] = rows;
partial['incremental'] = { docs: biggest.docs, coldMs: cold.ms, coldRssMB: cold.rssMB, coldPhases: cold.phases, addedMs: summarize(added), addedWallMs: summarize(addedWall), addedRssMB: summarize(addedRss), addedPhases };
save();
if (!values.keep) rmSync(work, { recursive: true, force: true });
else progress(`kept ${work}: ${readdirSync(work).join(', ')}`);
