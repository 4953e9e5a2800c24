// Site builds for benchmarks, in a throw-away copy of the project, so the working tree's public/
// and dist/ (which others may be using) are never touched.
//
// The copy holds the project's source files (git's tracked and untracked-but-not-ignored files),
// a node_modules of symlinks to ours (its own .astro/.vite caches), and OUT/data + OUT/sources of
// a pipeline run as public/data and public/sources. The build is package.json's `build` script
// with its data step left out (the data is already there): e.g. `node scripts/explorer.ts && astro build`
// (`node scripts/explorer.ts` is added before `astro build` when the script exists but the build does not name it).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../generate.ts';
import { runProc } from './proc.ts';
import { progress, round, summarize, type Summary } from './stats.ts';
import { htmlSizes, pageType } from './weight.ts';

const CACHES = new Set(['.astro', '.vite', '.cache']);

export function makeSiteCopy(dir: string, published: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && !f.startsWith('bench/') && !f.startsWith('tests/'));
  for (const f of files) {
    const src = join(ROOT, f);
    if (!existsSync(src) || !lstatSync(src).isFile()) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(src, join(dir, f));
  }
  const nm = join(dir, 'node_modules');
  mkdirSync(nm);
  for (const e of readdirSync(join(ROOT, 'node_modules'))) {
    if (!CACHES.has(e)) symlinkSync(join(ROOT, 'node_modules', e), join(nm, e));
  }
  for (const sub of ['data', 'sources']) {
    rmSync(join(dir, 'public', sub), { recursive: true, force: true });
    // OUT/data and OUT/sources are links into the pipeline's store (scripts/pipeline/output.ts): copy what they point at.
    cpSync(join(published, sub), join(dir, 'public', sub), { recursive: true, dereference: true });
  }
}

/** package.json's build script, split at `&&`, without the data step. */
export function buildSteps(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const build = pkg.scripts?.['build'] ?? 'astro build';
  const steps = build.split('&&').map((s) => s.trim()).filter((s) => s && !/^npm run data\b|scripts\/data\.ts/.test(s));
  // The explorer's build step (self-hosted DuckDB-WASM + explorer.json), while it is not yet in the script.
  if (existsSync(join(dir, 'scripts', 'explorer.ts')) && !steps.some((s) => s.includes('explorer'))) {
    const at = steps.findIndex((s) => /\bastro\s+build\b/.test(s));
    steps.splice(at < 0 ? 0 : at, 0, 'node scripts/explorer.ts');
  }
  return steps;
}

export interface BuildRun {
  ok: boolean;
  /** Wall time of every build step (data step excluded). */
  ms: number;
  /** Wall time of the `astro build` step alone. */
  astroMs: number;
  pages: number;
  /** Pages Astro reported as written when the run ended (a run stopped by the time limit). */
  pagesWritten: number;
  timedOut: boolean;
  error: string | null;
  steps: string[];
  /** Render time of each page Astro reports (`├─ /city/x/index.html (+142ms)`), in ms. */
  pageMs: Record<string, number>;
}

/** `(+142ms)`, `(+1.23s)`, `(+2m 3s)` → ms. */
function statMs(s: string): number {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)s|(\d+)ms)?$/.exec(s.trim());
  if (!m) return NaN;
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000 + Number(m[3] ?? 0);
}

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
}

export async function buildSite(dir: string, timeoutMs: number): Promise<BuildRun> {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const steps = buildSteps(dir);
  const env = { ...process.env, PATH: `${join(dir, 'node_modules', '.bin')}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const t0 = performance.now();
  let astroMs = 0;
  let written = 0;
  const pageMs: Record<string, number> = {};
  for (const step of steps) {
    const left = timeoutMs - (performance.now() - t0);
    const isAstro = /\bastro\s+build\b/.test(step);
    const r = await runProc('sh', ['-c', step], {
      cwd: dir, env, timeoutMs: Math.max(1000, left),
      onLine: (l) => {
        const page = /[├└]─\s+(\S+)\s+\(\+([^)]+)\)/.exec(l);
        if (page) {
          pageMs[page[1]!] = statMs(page[2]!);
          written++;
          if (written % 200 === 0) progress(`  astro build: ${written} pages written`);
        }
      },
    });
    if (isAstro) astroMs = r.ms;
    if (r.code !== 0 || r.timedOut) {
      return {
        ok: false, ms: performance.now() - t0, astroMs, pages: htmlFiles(join(dir, 'dist')).length, pagesWritten: written, timedOut: r.timedOut,
        error: r.timedOut ? `stopped after ${Math.round(timeoutMs / 1000)} s in \`${step}\`` : `\`${step}\` failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-12).join('\n')}`,
        steps, pageMs,
      };
    }
  }
  return { ok: true, ms: performance.now() - t0, astroMs, pages: htmlFiles(join(dir, 'dist')).length, pagesWritten: written, timedOut: false, error: null, steps, pageMs };
}

export function duMB(path: string): number {
  if (!existsSync(path)) return 0;
  return Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}

export interface BuildFigures {
  corpus: string;
  docs: number;
  ok: boolean;
  runs: number;
  /** All build steps but the data step. */
  ms: Summary | null;
  astroMs: Summary | null;
  pages: number;
  pagesPerSecond: Summary | null;
  error: string | null;
  /** A run stopped by its time limit: pages Astro had written by then. */
  partial: { limitS: number; pagesWritten: number } | null;
  steps: string[];
  /** Astro's render time per page type (sum over the pages it reports; last run), and the slowest pages. */
  renderMsByType: Record<string, { pages: number; ms: number }>;
  slowestPages: Array<[string, number]>;
  /** The largest HTML file of each page type in this build's dist/. */
  html: ReturnType<typeof htmlSizes>;
  distMB: number;
}

/** `runs` builds of a copy of the project (in WORK/site-CORPUS) on a pipeline's output. */
export async function siteBuild(work: string, corpus: string, docs: number, published: string, runs: number, limitS: number): Promise<{ fig: BuildFigures; dir: string }> {
  const dir = join(work, `site-${corpus}`);
  makeSiteCopy(dir, published);
  const ok: BuildRun[] = [];
  let last: BuildRun | null = null;
  for (let i = 0; i < runs; i++) {
    progress(`site build: ${corpus} corpus (${docs} documents), run ${i + 1}/${runs}${limitS < 600 ? `, limit ${limitS} s` : ''}`);
    last = await buildSite(dir, limitS * 1000);
    if (!last.ok) break;
    ok.push(last);
  }
  const pages = ok[0]?.pages ?? last?.pages ?? 0;
  const renderMsByType: Record<string, { pages: number; ms: number }> = {};
  for (const [path, ms] of Object.entries(last?.pageMs ?? {})) {
    const t = (renderMsByType[pageType(path.replace(/^\//, ''))] ??= { pages: 0, ms: 0 });
    t.pages++;
    t.ms += ms;
  }
  const slowestPages = Object.entries(last?.pageMs ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {
    dir,
    fig: {
      corpus, docs, ok: ok.length === runs, runs: ok.length,
      ms: ok.length ? summarize(ok.map((r) => r.ms)) : null,
      astroMs: ok.length ? summarize(ok.map((r) => r.astroMs)) : null,
      pages,
      pagesPerSecond: ok.length ? summarize(ok.map((r) => r.pages / (r.ms / 1000))) : null,
      error: last && !last.ok ? last.error : null,
      partial: last?.timedOut ? { limitS, pagesWritten: last.pagesWritten } : null,
      steps: last?.steps ?? [],
      renderMsByType,
      slowestPages,
      html: htmlSizes(join(dir, 'dist')),
      distMB: round(duMB(join(dir, 'dist')), 1),
    },
  };
}
