// npm run bench: PDF reading, pipeline at scale, site build, page weight, and the explorer in chromium.
// Prints one table on stdout, progress on stderr, and writes bench/results.json.
// Everything happens in a temporary folder (a copy of the project for the site builds): the working
// tree's public/ and dist/ are not touched. Sized to finish in under 10 minutes on 2 cores.
//   BENCH_QUICK=1   small sizes and single runs (a smoke test of the benchmark itself, a few minutes)
//   BENCH_BUDGET_S  the time budget in seconds (default 560): repetitions are dropped to keep to it
//   BENCH_KEEP=1    keep the temporary folder
// Parts of their own, on the worktree's built dist/ (`npm run build` first), each with its own README section:
//   npm run bench -- explorer     /explore/'s first answer against the bare page, ≥ 7 interleaved rounds (bench/explorer.ts)
//   npm run bench -- lighthouse   Lighthouse mobile on every page type, 3 runs each (bench/lighthouse.ts)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchBrowser } from '../tests/e2e/browser.ts';
import { RAW, ROOT } from './generate.ts';
import { writeBarePage } from './lib/bare.ts';
import { cannedQueries, ExplorerBench, latency, THROTTLE, type Latency, type RunTimes } from './lib/explore.ts';
import { machine } from './lib/machine.ts';
import { measurePdf, PDF_ROUNDS, pdfRows, projectionLine, type PdfFigures } from './lib/pdf.ts';
import { growth, measurePipeline, pipelineAtScale, type PipelineFigures } from './lib/pipeline.ts';
import { startProdServer } from './lib/server.ts';
import { duMB, siteBuild, type BuildFigures } from './lib/site.ts';
import { bytes, fmt, progress, progressLog, round, summarize, type Summary } from './lib/stats.ts';
import { htmlSizes, pageType, pageWeights, type PageWeight } from './lib/weight.ts';

if (process.argv[2] === 'explorer' || process.argv[2] === 'lighthouse' || process.argv[2] === 'site') {
  await import(`./${process.argv[2] === 'site' ? 'site-scale' : process.argv[2]}.ts`);
  process.exit(0);
}

const QUICK = process.env['BENCH_QUICK'] === '1';
const PLAN = QUICK
  ? { pdfRounds: 1, pipeline: [{ docs: 10, runs: 1 }, { docs: 20, runs: 1 }, { docs: 50, runs: 1 }], realRuns: 1, buildRuns: 1, bigBuild: 50, midBuild: 20, explorerRuns: 1, latencyRounds: 1, throttledRuns: 1 }
  : { pdfRounds: PDF_ROUNDS, pipeline: [{ docs: 10, runs: 5 }, { docs: 100, runs: 3 }, { docs: 1000, runs: 2 }], realRuns: 3, buildRuns: 3, bigBuild: 1000, midBuild: 100, explorerRuns: 5, latencyRounds: 2, throttledRuns: 2 };
/** The whole run must end within this (the brief: under 10 minutes); repetitions are dropped to keep it. */
const BUDGET_S = Number(process.env['BENCH_BUDGET_S'] ?? 560);
/**
 * Rough cost of what follows the pipeline, kept in reserve while it runs (2 quiet cores): the
 * vendored builds ~15 s, the 100- and 1,000-document builds ~30 and ~150 s, page weight ~20 s, the
 * explorer cut to one round of each ~70 s.
 */
const RESERVE_AFTER_PIPELINE_S = 300;
/** Kept for page weight and the explorer (at its minimum) while the builds at scale run. */
const RESERVE_AFTER_BUILDS_S = 90;

const started = performance.now();
const remainingS = () => BUDGET_S - (performance.now() - started) / 1000;
const work = mkdtempSync(join(tmpdir(), 'budget-lens-bench-'));
const notes: string[] = [];
const note = (s: string) => {
  notes.push(s);
  progress(`note: ${s}`);
};

// ---------------------------------------------------------------------------------------------
// 1. Pipeline

/** Disclosures in data/raw (PDFs and texts). */
const vendoredDocs = () => readdirSync(RAW).filter((f) => /\.(pdf|txt)$/i.test(f)).length;

async function realPipeline(runs: number): Promise<PipelineFigures> {
  // The vendored corpus (data/raw), through the same child wrapper as the synthetic ones.
  const fig = await measurePipeline(RAW, join(work, 'published-real'), vendoredDocs(), runs);
  return { ...fig, reflowed: 1, corpusMB: round(duMB(RAW), 2), generateMs: 0 };
}

// ---------------------------------------------------------------------------------------------
// 2. Site build

// ---------------------------------------------------------------------------------------------
// 4. Explorer

interface ExplorerFigures {
  corpus: string;
  query: { id: string; sql: string };
  cold: { ours: Summary; bare: Summary; ratio: number };
  warm: { ours: Summary; bare: Summary; ratio: number };
  throttled: { ours: Summary; bare: Summary; ratio: number; latencyMs: number; mbitPerSecond: number };
  queryLatency: { ours: Latency; bare: Latency; queries: number };
  drillDownMs: Summary;
  runEnabledMs: Summary;
  /** Median of the cold runs: where the time goes. */
  breakdown: Record<'ours' | 'bare' | 'oursWarm' | 'bareWarm' | 'oursThrottled' | 'bareThrottled', Record<string, number | undefined>>;
  ours: RunTimes[];
  bare: RunTimes[];
}

const med = (xs: Array<number | undefined>) => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? round(summarize(v).median) : undefined;
};

function breakdown(runs: RunTimes[]): Record<string, number | undefined> {
  return {
    wasmDownloadedMs: med(runs.map((r) => r.wasmDoneMs)),
    csvDownloadedMs: med(runs.map((r) => r.csvDoneMs)),
    engineStartedMs: med(runs.map((r) => r.engineMs)),
    tablesLoadedMs: med(runs.map((r) => r.tablesMs)),
    firstResultMs: med(runs.map((r) => r.firstResultMs)),
    runEnabledMs: med(runs.map((r) => r.runEnabledMs)),
    transferredBytes: med(runs.map((r) => r.transferredBytes)),
  };
}

async function explorer(dist: string, corpus: string): Promise<ExplorerFigures | null> {
  if (!existsSync(join(dist, 'explore', 'index.html'))) {
    note(`no /explore/ in dist/ (${corpus} build): explorer benchmark skipped`);
    return null;
  }
  const canned = cannedQueries(dist);
  if (canned.length === 0) {
    note('/explore/ has no canned queries (a[data-canned]): explorer benchmark skipped');
    return null;
  }
  const bareDir = join(work, 'bare');
  await writeBarePage(bareDir);
  const server = await startProdServer({ '/': dist, '/__bare/': bareDir });
  try {
    const query = canned[0]!;
    const profiles = join(work, 'profiles');
    mkdirSync(profiles, { recursive: true });
    const b = new ExplorerBench(profiles, server.origin, query.sql);
    // Warm the server's gzip cache so no run pays for compressing the wasm.
    await fetch(`${server.origin}/explore/`, { headers: { 'accept-encoding': 'gzip' } });
    // A round (ours and bare, cold + warm) takes ~10 s on 2 quiet cores, ~20 s on busy ones; a throttled
    // round ~20–30 s; the latency runs ~5–20 s. It is the last benchmark: it gets what time is left.
    const runs = Math.max(1, Math.min(PLAN.explorerRuns, Math.floor((remainingS() - 70) / 20)));
    if (runs < PLAN.explorerRuns) note(`time budget: explorer cold/warm rounds cut to ${runs}`);
    const normal = await b.compare(runs, { warm: true });
    const throttledRuns = remainingS() > 90 ? PLAN.throttledRuns : 1;
    if (throttledRuns < PLAN.throttledRuns) note(`time budget: throttled rounds cut to ${throttledRuns}`);
    const throttled = await b.compare(throttledRuns, { throttled: true });
    const oursRuns = normal.ours, bareRuns = normal.bare, oursThr = throttled.ours, bareThr = throttled.bare;
    const sqls = canned.map((c) => c.sql);
    const rounds = remainingS() > 60 ? PLAN.latencyRounds : 1;
    const latOurs = await b.warmLatency('ours', sqls, rounds);
    const latBare = await b.warmLatency('bare', sqls, rounds);
    const s = (runs: RunTimes[]) => summarize(runs.map((r) => r.firstResultMs));
    const pair = (o: RunTimes[], x: RunTimes[]) => ({ ours: s(o), bare: s(x), ratio: s(o).median / s(x).median });
    return {
      corpus, query,
      cold: pair(oursRuns.cold, bareRuns.cold),
      warm: pair(oursRuns.warm, bareRuns.warm),
      throttled: { ...pair(oursThr.cold, bareThr.cold), latencyMs: THROTTLE.latencyMs, mbitPerSecond: THROTTLE.mbitPerSecond },
      queryLatency: { ours: latency(latOurs), bare: latency(latBare), queries: sqls.length },
      drillDownMs: summarize(oursRuns.cold.map((r) => r.drillMs ?? NaN).filter(Number.isFinite)),
      runEnabledMs: summarize(oursRuns.cold.map((r) => r.runEnabledMs ?? NaN).filter(Number.isFinite)),
      breakdown: {
        ours: breakdown(oursRuns.cold), bare: breakdown(bareRuns.cold), oursWarm: breakdown(oursRuns.warm), bareWarm: breakdown(bareRuns.warm),
        oursThrottled: breakdown(oursThr.cold), bareThrottled: breakdown(bareThr.cold),
      },
      ours: [...oursRuns.cold, ...oursRuns.warm, ...oursThr.cold],
      bare: [...bareRuns.cold, ...bareRuns.warm, ...bareThr.cold],
    };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function report(r: Results): string {
  const rows: string[][] = [['benchmark', 'figure', 'median (min–max)', 'runs']];
  const add = (a: string, b: string, c: string, n: number | string) => rows.push([a, b, c, String(n)]);
  if (r.pdf) for (const [a, b, c, n] of pdfRows(r.pdf)) add(a, b, c, n);
  for (const p of r.pipeline.sizes) {
    const label = p.raw === RAW ? `pipeline, ${p.docs} docs (vendored)` : `pipeline, ${p.docs} docs`;
    add(label, 'documents / s', fmt(p.docsPerSecond, 1), p.ms.runs);
    add(label, 'ms / document', fmt(p.msPerDoc, 1), p.ms.runs);
    add(label, 'peak RSS', fmt(p.peakRssMB, 0, ' MB'), p.ms.runs);
  }
  for (const b of r.build) {
    const label = `site build, ${b.corpus} (${b.docs} docs)`;
    if (b.ok && b.ms) {
      add(label, `build time (${b.steps.join(' && ')})`, fmt(b.ms, 0, ' ms'), b.runs);
      add(label, `pages / s (${b.pages} pages)`, fmt(b.pagesPerSecond!, 1), b.runs);
      // Every type: issue 15 bounds each (no HTML page over 300 kB gzipped at 10,000 documents).
      for (const [type, h] of Object.entries(b.html)) {
        if (h && b.docs > 5) add(label, `largest HTML of type ${type} (${h.pages} pages): ${h.page}, raw / gzip`, `${bytes(h.raw)} / ${bytes(h.gzip)}`, 1);
      }
      if (b.docs > 5) add(label, 'dist/', `${b.distMB} MB`, 1);
    } else add(label, b.partial ? `stopped at the ${b.partial.limitS} s limit` : 'failed', b.partial ? `${b.partial.pagesWritten} pages rendered by then` : (b.error ?? '').split('\n')[0]!.slice(0, 80), b.runs);
  }
  for (const w of r.weight) {
    const k = (x: { raw: number; gzip: number }) => `${bytes(x.raw)} / ${bytes(x.gzip)}`;
    add(`page weight: ${w.type} (${w.pages} pages; ${w.page})`, 'HTML · CSS · JS · SVG · data, raw / gzip',
      `${k(w.bytes.html)} · ${k(w.bytes.css)} · ${k(w.bytes.js)} · ${k(w.bytes.svg)} · ${k(w.bytes.data)}`, 1);
    add(`page weight: ${w.type}`, `total · JS loaded (${w.scripts.map((x) => x.replace(/^.*\//, '')).join(', ') || 'none'}) · JS to read (text without JS: ${Math.floor(w.textWithoutJs * 1000) / 10}%)`,
      `${k(w.total)} · ${k(w.jsLoaded)} · ${k(w.jsToRead)}`, 1);
  }
  const e = r.explorer;
  if (e) {
    add('explorer: cold, first result', `ours / bare = ${e.cold.ratio.toFixed(2)}`, `${fmt(e.cold.ours, 0, ' ms')} / ${fmt(e.cold.bare, 0, ' ms')}`, e.cold.ours.runs);
    add('explorer: warm HTTP cache, first result', `ours / bare = ${e.warm.ratio.toFixed(2)}`, `${fmt(e.warm.ours, 0, ' ms')} / ${fmt(e.warm.bare, 0, ' ms')}`, e.warm.ours.runs);
    add(`explorer: cold at ${e.throttled.mbitPerSecond} Mbit/s, ${e.throttled.latencyMs} ms`, `ours / bare = ${e.throttled.ratio.toFixed(2)}`, `${fmt(e.throttled.ours, 0, ' ms')} / ${fmt(e.throttled.bare, 0, ' ms')}`, e.throttled.ours.runs);
    add('explorer: warm query latency', `ours p50 / p95 (bare p50 / p95), ${e.queryLatency.queries} canned queries`,
      `${round(e.queryLatency.ours.p50)} / ${round(e.queryLatency.ours.p95)} ms (${round(e.queryLatency.bare.p50)} / ${round(e.queryLatency.bare.p95)} ms)`, e.queryLatency.ours.runs);
    const o = e.breakdown.ours, x = e.breakdown.bare;
    add('explorer: where the time goes (cold, medians)', 'ours: Run enabled → wasm downloaded → engine up → tables loaded → result',
      `${o['runEnabledMs']} → ${o['wasmDownloadedMs']} → ${o['engineStartedMs']} → ${o['tablesLoadedMs']} → ${o['firstResultMs']} ms`, e.cold.ours.runs);
    add('explorer: where the time goes (cold, medians)', 'bare: engine up (download + compile) → tables loaded → result',
      `${x['engineStartedMs']} → ${x['tablesLoadedMs']} → ${x['firstResultMs']} ms`, e.cold.bare.runs);
    add('explorer: drill-down first usable', 'navigation → first level laid out (no JS needed)', fmt(e.drillDownMs, 0, ' ms'), e.drillDownMs.runs);
    add('explorer: Run button enabled', 'navigation → editor up, Run enabled', fmt(e.runEnabledMs, 0, ' ms'), e.runEnabledMs.runs);
  }
  return table(rows);
}

interface Results {
  machine: ReturnType<typeof machine> & { loadAverage: { start: number[]; end: number[] } };
  plan: typeof PLAN;
  /** readPdf on data/raw/*.pdf, on one core (bench/lib/pdf.ts); null if it failed. */
  pdf: PdfFigures | null;
  pipeline: { sizes: PipelineFigures[]; growth: ReturnType<typeof growth> };
  build: BuildFigures[];
  weight: PageWeight[];
  weightCorpus: string;
  explorer: ExplorerFigures | null;
  notes: string[];
  totalSeconds: number;
  /** Progress lines with the load average at each: how busy the machine was, stage by stage. */
  progress: typeof progressLog;
}

async function main(): Promise<void> {
  const m = { ...machine(), loadAverage: { start: loadavg().map((x) => round(x, 2)), end: [] as number[] } };
  progress(`${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; node ${m.node}; ${m.chromium ?? 'no chromium'}; work folder ${work}`);
  if (m.loadAverage.start[0]! > m.cores * 0.5) note(`load average ${m.loadAverage.start.join(' ')} at start: other processes are using the CPU, figures will be slower and noisier`);

  // 0. PDF reading (~20 s): first, while the benchmark itself has nothing else running.
  let pdf: PdfFigures | null = null;
  try {
    pdf = await measurePdf(PLAN.pdfRounds);
    if (!pdf.sameOutput) note('PDF reading: a read with the timing hook gave other lines than without it');
    if (pdf.projection.ms >= pdf.projection.aimMs) note(`PDF reading: ${projectionLine(pdf)}`);
  } catch (e) {
    note(`the PDF reading benchmark failed: ${(e as Error).message.split('\n')[0]}`);
  }

  // 1. Pipeline: the vendored corpus, then synthetic corpora of growing size. A repeated run is
  // dropped when it would eat into the time the rest needs.
  const real = await realPipeline(PLAN.realRuns);
  const sizes = await pipelineAtScale(work, PLAN.pipeline, (docs, lastMs) => {
    const ok = remainingS() - lastMs / 1000 > RESERVE_AFTER_PIPELINE_S;
    if (!ok) note(`time budget: the pipeline on ${docs} documents ran fewer times than planned`);
    return ok;
  });
  const pipeline = { sizes: [real, ...sizes], growth: growth(sizes) };

  // 2. Site build from the vendored corpus (repeated); its dist/ serves 3 and 4.
  const build: BuildFigures[] = [];
  const realSite = await siteBuild(work, 'vendored', vendoredDocs(), real.out, PLAN.buildRuns, 300);
  build.push(realSite.fig);
  const weightDist = join(realSite.dir, 'dist');
  const weightCorpus = 'vendored';

  // 2b. Site builds at scale: the 100-document corpus, then the 1,000-document one, before page
  // weight and the explorer (those shrink to fit the time left; a build stopped by the time limit is
  // reported as how far it got).
  if (realSite.fig.ok) {
    const margin = 15;
    for (const docs of [PLAN.midBuild, PLAN.bigBuild]) {
      const corpus = sizes.find((x) => x.docs === docs);
      if (!corpus) continue;
      const limit = Math.floor(Math.min(600, remainingS() - margin - RESERVE_AFTER_BUILDS_S));
      if (limit < 20) {
        note(`time budget: no time left for the ${docs}-document site build`);
        continue;
      }
      const b = await siteBuild(work, `synthetic-${docs}`, docs, corpus.out, 1, limit);
      build.push(b.fig);
      rmSync(b.dir, { recursive: true, force: true });
      if (!b.fig.ok) note(`the ${docs}-document site build ${b.fig.partial ? `did not finish within ${limit} s: ${b.fig.partial.pagesWritten} pages rendered by then` : `failed: ${b.fig.error}`}`);
    }
  }

  // 3 and 4 need chromium.
  let weight: PageWeight[] = [];
  let explore: ExplorerFigures | null = null;
  if (!existsSync(CHROMIUM)) note(`${CHROMIUM} not found: page weight and explorer skipped`);
  else if (!realSite.fig.ok) note(`the site does not build from the vendored corpus (${realSite.fig.error}): page weight and explorer skipped`);
  else {
    const browser = await launchBrowser();
    try {
      progress('page weight');
      const server = await startProdServer({ '/': weightDist });
      try {
        weight = await pageWeights(browser, weightDist, server.origin);
      } catch (e) {
        note(`the page weight benchmark failed: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
    }
    try {
      explore = await explorer(weightDist, weightCorpus);
    } catch (e) {
      note(`the explorer benchmark failed: ${(e as Error).message.split('\n')[0]}`);
    }
    if (explore && explore.cold.ratio > 1.15) note(`explorer cold ours/bare = ${explore.cold.ratio.toFixed(2)} (> 1.15): see "where the time goes" in bench/README.md`);
  }

  m.loadAverage.end = loadavg().map((x) => round(x, 2));
  const results: Results = {
    machine: m, plan: PLAN, pdf, pipeline, build, weight, weightCorpus, explorer: explore, notes,
    totalSeconds: round((performance.now() - started) / 1000, 1),
    progress: progressLog,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  process.stdout.write(`\nBudget Lens benchmarks — ${m.date.slice(0, 16).replace('T', ' ')} UTC\n`);
  process.stdout.write(`${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM; ${m.os}; Node ${m.node}; ${m.chromium ?? 'no chromium'}; load average ${m.loadAverage.start.join(' ')} → ${m.loadAverage.end.join(' ')}\n\n`);
  process.stdout.write(`${report(results)}\n`);
  if (pdf) process.stdout.write(`\nPDF reading, projected: ${projectionLine(pdf)}.\n`);
  process.stdout.write(`\nPipeline growth: ${pipeline.growth.verdict}.\n`);
  if (notes.length) process.stdout.write(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  process.stdout.write(`\nbench/results.json written; ${results.totalSeconds} s in all.\n`);
}

try {
  await main();
} finally {
  if (process.env['BENCH_KEEP'] === '1') progress(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
