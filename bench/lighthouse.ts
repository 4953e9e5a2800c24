// Lighthouse (mobile, its defaults: simulated slow 4G and a 4× slower CPU) on one page of every
// type, 3 runs each, interleaved (round r runs every page once), medians. Not part of `npm test`.
//   npm run bench -- lighthouse [--dist dist] [--runs 3] [--pages home,explore] [--out bench/lighthouse.json]
// Serves the built site (`npm run build` first) with the production headers of bench/lib/server.ts
// (gzip, a year's cache for content-hashed names, 5 minutes for the rest), and runs the `lighthouse`
// CLI from npm with Debian's chromium. Lighthouse is a benchmark tool, not a dependency of the site or
// its tests: it is installed once into ~/.cache/budget-lens-bench (LIGHTHOUSE_DIR) when missing.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../tests/e2e/browser.ts';
import { ROOT } from './generate.ts';
import { chromiumVersion } from './lib/machine.ts';
import { startProdServer } from './lib/server.ts';
import { progress, summarize } from './lib/stats.ts';

const LIGHTHOUSE_VERSION = '13.5.0';
const LIGHTHOUSE_DIR = process.env['LIGHTHOUSE_DIR'] ?? join(homedir(), '.cache', 'budget-lens-bench');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

function lighthouseCli(): string {
  const cli = join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) {
    progress(`lighthouse: installing lighthouse@${LIGHTHOUSE_VERSION} into ${LIGHTHOUSE_DIR} (once)`);
    execFileSync('npm', ['install', '--prefix', LIGHTHOUSE_DIR, `lighthouse@${LIGHTHOUSE_VERSION}`, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return cli;
}

/** The largest HTML file under dist/<dir>/ (pages of one type differ in size; the largest is the test). */
function largest(dist: string, dir: string, filter: (name: string) => boolean = () => true): string {
  const pages = readdirSync(join(dist, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && filter(e.name) && existsSync(join(dist, dir, e.name, 'index.html')))
    .map((e) => ({ path: `/${dir}/${e.name}/`, size: statSync(join(dist, dir, e.name, 'index.html')).size }))
    // Redirect pages at former ids are tiny: never the largest.
    .sort((a, b) => b.size - a.size);
  if (!pages[0]) throw new Error(`no page under dist/${dir}/`);
  return pages[0].path;
}

export function pagesOf(dist: string): Record<string, string> {
  const docs = readdirSync(join(dist, 'explore'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return {
    home: '/',
    city: largest(dist, 'city'),
    topic: largest(dist, 'topic'),
    source: largest(dist, 'source'),
    data: '/data/',
    explore: '/explore/',
    drill: largest(dist, 'explore', (n) => docs.includes(n)),
    embed: largest(dist, 'embed'),
    about: '/about/',
  };
}

interface Run {
  scores: Record<Category, number>;
  /** Audits that lost points (score < 1, weighted in a category), with Lighthouse's display value. */
  lost: Array<{ id: string; title: string; score: number; display: string }>;
  metrics: Record<string, number>;
}

function runOnce(cli: string, url: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'lh-'));
  const out = join(dir, 'report.json');
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, url, '--output=json', `--output-path=${out}`, '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run'], {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      try {
        if (code !== 0 || !existsSync(out)) throw new Error(`lighthouse ${url}: exit ${code}\n${err.slice(-2000)}`);
        const lhr = JSON.parse(readFileSync(out, 'utf8')) as {
          categories: Record<Category, { score: number; auditRefs: Array<{ id: string; weight: number }> }>;
          audits: Record<string, { title: string; score: number | null; displayValue?: string; numericValue?: number; scoreDisplayMode: string }>;
          runtimeError?: { message: string };
        };
        if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
        const lost: Run['lost'] = [];
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (!a || a.score === null || a.score >= 1 || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable') continue;
            if (ref.weight === 0 && c !== 'performance') continue;
            lost.push({ id: ref.id, title: a.title, score: a.score, display: a.displayValue ?? '' });
          }
        }
        // Opportunities and diagnostics (weight 0 in the score, but they say where the time goes).
        for (const id of ['render-blocking-insight', 'render-blocking-resources', 'unused-javascript', 'total-byte-weight', 'dom-size-insight', 'dom-size', 'mainthread-work-breakdown', 'bootup-time', 'cache-insight', 'uses-long-cache-ttl', 'network-dependency-tree-insight', 'lcp-breakdown-insight']) {
          const a = lhr.audits[id];
          if (a && a.score !== null && a.score < 1 && !lost.some((l) => l.id === id)) lost.push({ id, title: a.title, score: a.score, display: a.displayValue ?? '' });
        }
        const metrics: Record<string, number> = {};
        for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
          const v = lhr.audits[id]?.numericValue;
          if (v !== undefined) metrics[id] = v;
        }
        resolve({ scores, lost, metrics });
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export async function lighthouse(opts: { dist: string; runs: number; only?: string[] }): Promise<Record<string, { path: string; runs: Run[]; median: Record<Category, number>; metrics: Record<string, number> }>> {
  if (!existsSync(join(opts.dist, 'index.html'))) throw new Error(`${opts.dist}/index.html not found: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium`);
  const cli = lighthouseCli();
  const pages = Object.entries(pagesOf(opts.dist)).filter(([type]) => !opts.only || opts.only.includes(type));
  const server = await startProdServer({ '/': opts.dist });
  const runs = new Map<string, Run[]>(pages.map(([t]) => [t, []]));
  try {
    for (let r = 0; r < opts.runs; r++) {
      for (const [type, path] of pages) {
        progress(`lighthouse: ${type} ${path}, run ${r + 1}/${opts.runs} (load ${loadavg()[0]!.toFixed(2)})`);
        runs.get(type)!.push(await runOnce(cli, server.origin + path));
      }
    }
  } finally {
    await server.close();
  }
  return Object.fromEntries(pages.map(([type, path]) => {
    const rs = runs.get(type)!;
    const median = Object.fromEntries(CATEGORIES.map((c) => [c, summarize(rs.map((x) => x.scores[c])).median])) as Record<Category, number>;
    const metrics = Object.fromEntries(Object.keys(rs[0]?.metrics ?? {}).map((k) => [k, Math.round(summarize(rs.map((x) => x.metrics[k] ?? NaN)).median)]));
    return [type, { path, runs: rs, median, metrics }];
  }));
}

if (process.argv[1]?.endsWith('lighthouse.ts') || process.argv[2] === 'lighthouse') {
  const args = process.argv.slice(process.argv[2] === 'lighthouse' ? 3 : 2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dist = arg('dist') ?? join(ROOT, 'dist');
  const runs = Number(arg('runs') ?? 3);
  const outFile = arg('out') ?? join(ROOT, 'bench', 'lighthouse.json');
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  const res = await lighthouse({ dist, runs, only: arg('pages')?.split(',') });
  const load1 = loadavg()[0]!;
  const lines = [
    `Lighthouse ${LIGHTHOUSE_VERSION}, mobile, ${chromiumVersion() ?? 'chromium'}; median of ${runs} runs per page; ${Math.round((performance.now() - t0) / 1000)} s; load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
    '',
    '| type | page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | runs (performance) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(res).map(([type, r]) => `| ${type} | ${r.path} | ${r.median.performance} | ${r.median.accessibility} | ${r.median['best-practices']} | ${r.median.seo} | ` +
      `${r.metrics['first-contentful-paint']} ms | ${r.metrics['largest-contentful-paint']} ms | ${r.metrics['total-blocking-time']} ms | ${((r.metrics['cumulative-layout-shift'] ?? 0) / 1).toFixed(3)} | ${r.runs.map((x) => x.scores.performance).join(', ')} |`),
    '',
    'Where points are lost (audits below a full score in the last run of each page):',
    ...Object.entries(res).map(([type, r]) => `- ${type}: ${(r.runs.at(-1)?.lost ?? []).map((l) => `${l.id} (${l.score}${l.display ? `, ${l.display}` : ''})`).join('; ') || 'nothing'}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), lighthouse: LIGHTHOUSE_VERSION, chromium: chromiumVersion(), load: [load0, load1], pages: res }, null, 1)}\n`);
}
