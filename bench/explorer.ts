// /explore/'s first answer against its peers, on their own: `npm run bench -- explorer`.
//   [--dist dist] [--rounds 7] [--throttled-rounds 7] [--out bench/explorer.json]
//   [--no-framework] [--brotli when-accepted|always|never]  (the server's pre-compressed copies: bench/lib/server.ts)
// Serves the built site (`npm run build` first) with production headers (bench/lib/server.ts) beside
// the bare DuckDB-WASM page (bench/lib/bare.ts) and, when it can be built here, an Observable
// Framework page over the same CSVs (bench/lib/framework.ts). Every round opens each page in a fresh
// on-disk profile (cold), then again in the same profile (warm); the order of the pages rotates
// round by round, so a change in the machine's load hits all of them alike. Then as many rounds
// cold at 10 Mbit/s and 40 ms (CDP, the worker throttled too). Figures: the median of each page's
// times, and the median (and range) of the paired per-round ratios ours / peer, with the 1-minute
// load average before and after every round. No test asserts any of it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './generate.ts';
import { writeBarePage } from './lib/bare.ts';
import { cannedQueries, ExplorerBench, type RunTimes, type Which } from './lib/explore.ts';
import { buildFrameworkPage, FRAMEWORK_DUCKDB_WASM, FRAMEWORK_VERSION } from './lib/framework.ts';
import { machine } from './lib/machine.ts';
import { fileEntry, startProdServer, type BrotliCopies } from './lib/server.ts';
import { fmt, progress, round, summarize, type Summary } from './lib/stats.ts';

interface Paired {
  ours: Summary;
  peer: Summary;
  /** ours / peer per round. */
  ratio: Summary;
  /** median(ours) / median(peer). */
  ratioOfMedians: number;
}

function paired(o: RunTimes[], p: RunTimes[]): Paired {
  const ours = summarize(o.map((r) => r.firstResultMs));
  const peer = summarize(p.map((r) => r.firstResultMs));
  const ratio = summarize(o.map((r, i) => r.firstResultMs / p[i]!.firstResultMs));
  return { ours, peer, ratio, ratioOfMedians: ours.median / peer.median };
}

const PAGES: Which[] = ['ours', 'bare', 'framework'];

/** Every file a page of the benchmark may load (not the source texts and PDFs, nor other pages). */
function* files(dir: string, top = true): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!top || ['_astro', 'explore-assets', 'data', 'explore', '_npm', '_file', '_observablehq'].includes(e.name)) yield* files(join(dir, e.name), false);
    } else if (/\.(html|js|css|json|csv|wasm)$/.test(e.name)) yield join(dir, e.name);
  }
}
type Runs = Record<Which, RunTimes[]>;
const noRuns = (): Runs => ({ ours: [], bare: [], framework: [] });

/** Medians of each step of ours (status line changes and resource timing). */
function steps(runs: RunTimes[]): Record<string, number | undefined> {
  const med = (k: keyof RunTimes) => {
    const v = runs.map((r) => r[k]).filter((x): x is number => typeof x === 'number');
    return v.length ? round(summarize(v).median) : undefined;
  };
  return { runEnabledMs: med('runEnabledMs'), wasmDoneMs: med('wasmDoneMs'), csvDoneMs: med('csvDoneMs'), engineMs: med('engineMs'), tablesMs: med('tablesMs'), firstResultMs: med('firstResultMs') };
}

export async function compareExplorer(opts: { dist: string; rounds: number; throttledRounds: number; framework?: boolean; brotli?: BrotliCopies }) {
  const work = mkdtempSync(join(tmpdir(), 'budget-lens-explorer-bench-'));
  try {
    const canned = cannedQueries(opts.dist);
    if (!canned[0]) throw new Error(`${opts.dist}/explore/index.html has no canned question`);
    await writeBarePage(join(work, 'bare'));
    let frameworkNote: string | null = null;
    const mounts: Record<string, string> = { '/': opts.dist, '/__bare/': join(work, 'bare') };
    try {
      if (opts.framework === false) throw new Error('left out (--no-framework)');
      mounts['/__framework/'] = buildFrameworkPage(opts.dist, join(work, 'framework'), canned[0].sql);
    } catch (e) {
      frameworkNote = `the Framework page could not be built: ${(e as Error).message.split('\n')[0]}`;
      progress(`note: ${frameworkNote}`);
    }
    const pages = PAGES.filter((w) => w !== 'framework' || mounts['/__framework/']);
    // The server gzips a file the first time it is asked for (34 MB of wasm: seconds, during which it
    // answers nothing else): do it for every file now, so the first page of round 1 does not pay it.
    progress('explorer: compressing every file once');
    for (const dir of Object.values(mounts)) for (const f of files(dir)) fileEntry(f);
    const server = await startProdServer(mounts, { brotli: opts.brotli ?? 'when-accepted' });
    const b = new ExplorerBench(work, server.origin, canned[0].sql);
    const loads: Array<{ round: string; before: number; after: number }> = [];
    const runs = { cold: noRuns(), warm: noRuns(), throttled: noRuns() };
    // Round i starts with page i mod n: each page goes first, second and last equally often.
    const order = (i: number) => pages.map((_, k) => pages[(i + k) % pages.length]!);
    try {
      for (let i = 0; i < opts.rounds; i++) {
        const before = loadavg()[0]!;
        for (const which of order(i)) {
          const r = await b.once(which, `round ${i + 1}/${opts.rounds}`, { warm: true });
          runs.cold[which].push(r.cold);
          runs.warm[which].push(r.warm!);
        }
        loads.push({ round: `cold+warm ${i + 1}`, before, after: loadavg()[0]! });
      }
      for (let i = 0; i < opts.throttledRounds; i++) {
        const before = loadavg()[0]!;
        for (const which of order(i)) {
          runs.throttled[which].push((await b.once(which, `throttled round ${i + 1}/${opts.throttledRounds}`, { throttled: true })).cold);
        }
        loads.push({ round: `throttled ${i + 1}`, before, after: loadavg()[0]! });
      }
    } finally {
      await server.close();
    }
    const against = (peer: Which) => (runs.cold[peer].length === 0 ? null : {
      cold: paired(runs.cold.ours, runs.cold[peer]),
      warm: paired(runs.warm.ours, runs.warm[peer]),
      throttled: paired(runs.throttled.ours, runs.throttled[peer]),
    });
    const engineBytes = Object.fromEntries([...server.sent].filter(([path]) => /\.(wasm|csv)$|worker/.test(path)));
    return {
      query: canned[0],
      brotli: opts.brotli ?? 'when-accepted',
      /** Bytes the server sent for the engine and the tables, all rounds and pages together. */
      engineBytes,
      framework: { version: FRAMEWORK_VERSION, duckdbWasm: FRAMEWORK_DUCKDB_WASM, note: frameworkNote },
      bare: against('bare')!,
      vsFramework: against('framework'),
      steps: { cold: steps(runs.cold.ours), warm: steps(runs.warm.ours), throttled: steps(runs.throttled.ours), bareCold: steps(runs.cold.bare), frameworkCold: steps(runs.cold.framework) },
      loads,
      runs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

if (process.argv[1]?.endsWith('explorer.ts') || process.argv[2] === 'explorer') {
  const args = process.argv.slice(process.argv[2] === 'explorer' ? 3 : 2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rounds = Number(arg('rounds') ?? 7);
  const t0 = performance.now();
  const m = machine();
  const r = await compareExplorer({
    dist: arg('dist') ?? join(ROOT, 'dist'), rounds, throttledRounds: Number(arg('throttled-rounds') ?? rounds),
    framework: !args.includes('--no-framework'), brotli: (arg('brotli') ?? 'when-accepted') as BrotliCopies,
  });
  const line = (name: string, p: Paired) =>
    `| ${name} | ${p.ours.runs} | ${fmt(p.ours, 0, ' ms')} | ${fmt(p.peer, 0, ' ms')} | ${p.ratio.median.toFixed(2)} (${p.ratio.min.toFixed(2)}–${p.ratio.max.toFixed(2)}) | ${p.ratioOfMedians.toFixed(2)} |`;
  const s = r.steps;
  const loads = r.loads.flatMap((l) => [l.before, l.after]);
  const table = (peer: string, x: { cold: Paired; warm: Paired; throttled: Paired }) => [
    `| against ${peer} | rounds | ours | ${peer} | ours / ${peer}, per round: median (range) | ratio of medians |`,
    '|---|---|---|---|---|---|',
    line('cold, navigation → first result', x.cold),
    line('warm HTTP cache', x.warm),
    line('cold at 10 Mbit/s, 40 ms', x.throttled),
    '',
  ];
  process.stdout.write([
    `${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cpu}, ${m.cores} cores, ${m.node}, ${m.chromium}; ${Math.round((performance.now() - t0) / 1000)} s; ` +
      `load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (median ${summarize(loads).median.toFixed(2)})`,
    `server: pre-compressed brotli copies ${r.brotli}; bytes sent for the engine and tables (all loads): ${Object.entries(r.engineBytes).map(([p, n]) => `${p.split('/').pop()} ${(n / 1e6).toFixed(1)} MB`).join(', ')}`,
    `query: ${r.query.id}; Observable Framework ${r.framework.version} (DuckDB-WASM ${r.framework.duckdbWasm})${r.framework.note ? `: ${r.framework.note}` : ''}`,
    '',
    ...table('bare', r.bare),
    ...(r.vsFramework ? table('Framework', r.vsFramework) : []),
    '| medians, ms from navigation | Run enabled | wasm downloaded | CSVs downloaded | engine up | tables loaded | result |',
    '|---|---|---|---|---|---|---|',
    ...(['cold', 'warm', 'throttled'] as const).map((k) => `| ours, ${k} | ${s[k].runEnabledMs} | ${s[k].wasmDoneMs} | ${s[k].csvDoneMs} | ${s[k].engineMs} | ${s[k].tablesMs} | ${s[k].firstResultMs} |`),
    `| bare, cold | (at once) | ${s.bareCold.wasmDoneMs ?? '(in the worker)'} | ${s.bareCold.csvDoneMs} | ${s.bareCold.engineMs} | ${s.bareCold.tablesMs} | ${s.bareCold.firstResultMs} |`,
    ...(r.vsFramework ? [`| Framework, cold | (at once) | ${s.frameworkCold.wasmDoneMs ?? '(in the worker)'} | ${s.frameworkCold.csvDoneMs} | – | ${s.frameworkCold.tablesMs} | ${s.frameworkCold.firstResultMs} |`] : []),
    '',
  ].join('\n'));
  writeFileSync(arg('out') ?? join(ROOT, 'bench', 'explorer.json'), `${JSON.stringify({ machine: m, ...r }, null, 1)}\n`);
}
