// The Observable Framework peer for the explorer benchmark: a Framework 1.13 page over the same
// published CSV files, asking the same question, showing the answer in Framework's own table view
// (Inputs.table), built offline at bench time into a temporary folder (served at /__framework/).
//
// What it takes to build and serve it with no request to another origin (see bench/README.md):
// - Framework fetches every `npm:` import (its own runtime, Inputs, DuckDB-WASM 1.29 and its wasm)
//   from cdn.jsdelivr.net while building. bench/lib/framework-offline.ts, loaded into the build with
//   `node --import`, answers those requests from packages installed from the npm registry. (Its DuckDB
//   keeps both builds, mvp and eh, as Framework's default: DuckDB-WASM 1.29's selectBundle needs
//   the mvp one declared; the page downloads only the one it picks, eh in chromium.)
// - Its default theme loads Source Serif 4 from Google Fonts at run time: `globalStylesheets: []`
//   drops it (the page falls back to the system's serif; no font file is fetched from anywhere).
// - DuckDB extensions (json, parquet) would come from extensions.duckdb.org: none is installed.
// Framework and DuckDB-WASM 1.29 are benchmark tools, installed once into ~/.cache/budget-lens-bench
// (BENCH_TOOLS_DIR) from the npm registry, never dependencies of the site.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExplorerManifest } from '../../src/explore/types.ts';
import { ROOT } from '../generate.ts';
import { progress } from './stats.ts';

export const FRAMEWORK_VERSION = '1.13.4';
/** The DuckDB-WASM Framework 1.13 pins (its src/duckdb.ts). */
export const FRAMEWORK_DUCKDB_WASM = '1.29.0';
const TOOLS = process.env['BENCH_TOOLS_DIR'] ?? join(homedir(), '.cache', 'budget-lens-bench');

function install(prefix: string, specs: string[], probes: string[]): void {
  if (probes.every((p) => existsSync(join(prefix, 'node_modules', p, 'package.json')))) return;
  progress(`framework: installing ${specs.join(' ')} into ${prefix} (once)`);
  execFileSync('npm', ['install', '--prefix', prefix, ...specs, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function page(manifest: ExplorerManifest, sql: string): string {
  const attachments = manifest.tables.map((t) => `  ${t.name}: FileAttachment(${JSON.stringify(`data/${t.name}.csv`)}),`).join('\n');
  return `---
title: 三公
toc: false
sidebar: false
pager: false
footer: false
---

\`\`\`js
const mark = (window.__bench ??= {});
let db;
try {
  db = await DuckDBClient.of({
${attachments}
  });
  mark.tables = performance.now();
} catch (e) {
  mark.error = String(e);
  throw e;
}
\`\`\`

\`\`\`js
let result;
try {
  result = await db.query(${JSON.stringify(sql)});
} catch (e) {
  window.__bench.error = String(e);
  throw e;
}
\`\`\`

\`\`\`js
display(Inputs.table(result));
window.__bench.firstRows = performance.now();
window.__bench.rows = result.length;
\`\`\`
`;
}

/** Build the Framework page for `sql` over dist/'s published CSVs into `out` (its dist/ is returned). */
export function buildFrameworkPage(dist: string, out: string, sql: string): string {
  install(TOOLS, [`@observablehq/framework@${FRAMEWORK_VERSION}`], ['@observablehq/framework']);
  // What the page imports beyond Framework's own dependencies: DuckDB-WASM at the version Framework
  // pins, and d3-dsv (FileAttachment's CSV parser) at the version the registry calls latest, as Framework resolves it.
  install(join(TOOLS, 'fw-npm'), [`@duckdb/duckdb-wasm@${FRAMEWORK_DUCKDB_WASM}`, 'd3-dsv@latest'], ['@duckdb/duckdb-wasm', 'd3-dsv']);
  const manifest = JSON_parse(join(dist, 'explore-assets', 'explorer.json'));
  mkdirSync(join(out, 'src', 'data'), { recursive: true });
  for (const t of manifest.tables) copyFileSync(join(dist, t.csv), join(out, 'src', 'data', `${t.name}.csv`));
  writeFileSync(join(out, 'src', 'index.md'), page(manifest, sql));
  writeFileSync(join(out, 'observablehq.config.js'), `export default {
  root: "src",
  title: "bench",
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  footer: "",
  globalStylesheets: [],
  duckdb: { extensions: { json: null, parquet: null } },
};
`);
  writeFileSync(join(out, 'package.json'), '{"type":"module","private":true}\n');
  const hook = fileURLToPath(new URL('./framework-offline.ts', import.meta.url));
  progress('framework: building the page (offline)');
  execFileSync(process.execPath, ['--import', hook, join(TOOLS, 'node_modules', '@observablehq', 'framework', 'dist', 'bin', 'observable.js'), 'build'], {
    cwd: out,
    env: { ...process.env, FW_NPM_DIRS: [join(TOOLS, 'fw-npm', 'node_modules'), join(TOOLS, 'node_modules')].join(':'), FW_ESBUILD_FROM: ROOT, OBSERVABLE_TELEMETRY_DISABLE: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return join(out, 'dist');
}

function JSON_parse(file: string): ExplorerManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as ExplorerManifest;
}
