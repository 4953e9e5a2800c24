// npm run bench -- site OUT [LABEL] [RUNS]: the site build alone, on a pipeline's output OUT (its
// data/ and sources/), in a throw-away copy of the project: build time, pages / s, Astro's render
// time per page type, the largest HTML page of each type and how many pages pass the issue-15 bound
// (300 kB gzipped). Prints a table and the load average at each build's start and end (the machine
// is shared: read every time beside its load).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteBuild } from './lib/site.ts';
import { bytes, fmt, round } from './lib/stats.ts';

const [out, label = 'corpus', runsArg = '1'] = process.argv.slice(3);
if (!out) {
  console.error('usage: npm run bench -- site OUT [LABEL] [RUNS]   (OUT: a pipeline output folder holding data/ and sources/)');
  process.exit(2);
}
const BOUND = 300_000;
const docs = readFileSync(join(out, 'data', 'documents.csv'), 'utf8').trim().split('\n').length - 1;
const work = mkdtempSync(join(tmpdir(), 'budget-lens-site-'));
const load = () => loadavg().map((x) => round(x, 2)).join(' ');
const loadStart = load();
const { fig, dir } = await siteBuild(work, label, docs, out, Number(runsArg), 3600);
const loadEnd = load();
const dist = join(dir, 'dist');
const html = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const over = html.filter((f) => gzipSync(readFileSync(join(dist, f)), { level: 6 }).length > BOUND);
console.log(`site build, ${label} (${docs} documents): load average ${loadStart} at the start, ${loadEnd} at the end`);
if (!fig.ok) console.log(`failed: ${fig.error}`);
else {
  console.log(`build time (${fig.steps.join(' && ')}): ${fmt(fig.ms!, 0, ' ms')}; astro build ${fmt(fig.astroMs!, 0, ' ms')}`);
  console.log(`pages: ${fig.pages}; pages / s ${fmt(fig.pagesPerSecond!, 1)}; dist/ ${fig.distMB} MB`);
}
console.log('| type | pages | Astro ms (sum) | ms / page | largest page | raw | gzip |');
console.log('|---|---|---|---|---|---|---|');
for (const [type, h] of Object.entries(fig.html)) {
  const r = fig.renderMsByType[type];
  console.log(`| ${type} | ${h.pages} | ${r ? round(r.ms) : '–'} | ${r ? round(r.ms / r.pages, 1) : '–'} | ${h.page} | ${bytes(h.raw)} | ${bytes(h.gzip)} |`);
}
console.log(`slowest pages: ${fig.slowestPages.map(([p, ms]) => `${p} ${ms} ms`).join(', ')}`);
console.log(`HTML pages over ${bytes(BOUND)} gzipped: ${over.length}${over.length ? ` (${over.slice(0, 8).join(', ')}${over.length > 8 ? ' …' : ''})` : ''}`);
if (process.env['BENCH_KEEP'] === '1') console.log(`kept: ${dir}`);
else rmSync(work, { recursive: true, force: true });
