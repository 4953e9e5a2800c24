// Pipeline at scale: scripts/data.ts over synthetic corpora of growing size, in a child process each
// run (so peak memory is that run's own).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../generate.ts';
import { runProc } from './proc.ts';
import { progress, summarize, type Summary } from './stats.ts';
import { storeRootOf } from '../../scripts/pipeline/output.ts';

const CHILD = fileURLToPath(new URL('../pipeline-child.ts', import.meta.url));

export interface PipelineFigures {
  docs: number;
  reflowed: number;
  corpusMB: number;
  generateMs: number;
  /** Time inside run() (without Node's start-up). */
  ms: Summary;
  /** Wall time of the child process, start-up included. */
  wallMs: Summary;
  docsPerSecond: Summary;
  msPerDoc: Summary;
  peakRssMB: Summary;
  /** The pipeline's own summary line of the last run: `N ok / N rounding / N mismatch`. */
  checks: string;
  /** Where the last run published (OUT/data, OUT/sources): reused by the site build. */
  out: string;
  raw: string;
}

interface OneRun { ms: number; wallMs: number; rssMB: number; checks: string; phases: Record<string, number> }

/**
 * One run of the pipeline on `raw` in a child process, publishing to `dest` (and its store beside it):
 * on every core and reading every file unless told otherwise.
 */
export async function pipelineRun(raw: string, dest: string, opts: { workers?: number; cache?: string; keep?: boolean } = {}): Promise<OneRun> {
  if (!opts.keep) {
    rmSync(dest, { recursive: true, force: true });
    rmSync(storeRootOf(dest), { recursive: true, force: true });
  }
  const args = [CHILD, raw, dest, ...(opts.workers ? ['--workers', String(opts.workers)] : []), ...(opts.cache ? ['--cache', opts.cache] : [])];
  const r = await runProc(process.execPath, args);
  if (r.code !== 0) throw new Error(`pipeline on ${raw} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssKB: number; checks: string; phases: Record<string, number> };
  return { ms: m.ms, wallMs: r.ms, rssMB: m.maxRssKB / 1024, checks: m.checks, phases: m.phases };
}

function figures(docs: number, raw: string, dest: string, runs: OneRun[]): Omit<PipelineFigures, 'reflowed' | 'corpusMB' | 'generateMs'> {
  const ms = runs.map((r) => r.ms);
  return {
    docs, ms: summarize(ms), wallMs: summarize(runs.map((r) => r.wallMs)), docsPerSecond: summarize(ms.map((x) => docs / (x / 1000))),
    msPerDoc: summarize(ms.map((x) => x / docs)), peakRssMB: summarize(runs.map((r) => r.rssMB)), checks: runs.at(-1)?.checks ?? '', out: dest, raw,
  };
}

/** Run the pipeline on `raw` `runs` times, publishing to `dest` (the last run's output stays there). */
export async function measurePipeline(raw: string, dest: string, docs: number, runs: number): Promise<Omit<PipelineFigures, 'reflowed' | 'corpusMB' | 'generateMs'>> {
  const all: OneRun[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`pipeline: ${docs} documents, run ${i + 1}/${runs}`);
    all.push(await pipelineRun(raw, dest));
  }
  return figures(docs, raw, dest, all);
}

/**
 * Generate a corpus of each size, then run the pipeline on them in rounds (10, 100, 1000, 10, 100,
 * 1000, …), so a change in the machine's load hits every size alike. `canRepeat(docs, lastWallMs)`
 * may drop a size's later runs (the time budget).
 */
export async function pipelineAtScale(work: string, sizes: Array<{ docs: number; runs: number }>, canRepeat?: (docs: number, lastWallMs: number) => boolean): Promise<PipelineFigures[]> {
  const corpora = sizes.map(({ docs, runs }) => {
    const raw = join(work, `corpus-${docs}`);
    const t0 = performance.now();
    const plans = writeCorpus(raw, docs);
    const generateMs = performance.now() - t0;
    const corpusMB = Number(execFileSync('du', ['-sk', raw], { encoding: 'utf8' }).split('\t')[0]) / 1024;
    return { docs, runs, raw, dest: join(work, `published-${docs}`), reflowed: plans.filter((p) => p.layout === 'reflowed').length, corpusMB, generateMs, done: [] as OneRun[], stopped: false };
  });
  const rounds = Math.max(...sizes.map((s) => s.runs));
  for (let i = 0; i < rounds; i++) {
    for (const c of corpora) {
      if (i >= c.runs || c.stopped) continue;
      if (i > 0 && canRepeat && !canRepeat(c.docs, c.done.at(-1)!.wallMs)) {
        c.stopped = true;
        continue;
      }
      progress(`pipeline: ${c.docs} documents, run ${i + 1}/${c.runs}`);
      c.done.push(await pipelineRun(c.raw, c.dest));
    }
  }
  return corpora.map((c) => ({ ...figures(c.docs, c.raw, c.dest, c.done), reflowed: c.reflowed, corpusMB: c.corpusMB, generateMs: c.generateMs }));
}

/** How time and memory grow with the corpus, in words (largest size against the smallest). */
export function growth(figs: PipelineFigures[]): { timeExponent: number; memoryPerDocMB: number; verdict: string } {
  if (figs.length < 2) return { timeExponent: NaN, memoryPerDocMB: NaN, verdict: 'one size only' };
  const a = figs[0]!, b = figs.at(-1)!;
  // Exponent k of time ∝ docs^k, between the two larger sizes (the smallest is start-up bound).
  const p = figs.length >= 3 ? figs.at(-2)! : a;
  const k = Math.log(b.ms.median / p.ms.median) / Math.log(b.docs / p.docs);
  const memPerDoc = (b.peakRssMB.median - p.peakRssMB.median) / (b.docs - p.docs);
  const perDoc = figs.map((f) => `${f.msPerDoc.median.toFixed(1)} ms/doc at ${f.docs}`).join(', ');
  const shape = k < 0.9 ? 'sub-linear in this run: per-document time fell with size (start-up amortised, or the machine\'s load changed)'
    : k < 1.1 ? 'linear' : k < 1.3 ? 'close to linear (slightly super-linear)' : 'super-linear';
  return {
    timeExponent: k,
    memoryPerDocMB: memPerDoc,
    verdict: `time ∝ docs^${k.toFixed(2)} from ${p.docs} to ${b.docs} (${shape}); ${perDoc}; memory grows ~${memPerDoc.toFixed(2)} MB per document`,
  };
}
