// The bare reference page for the explorer benchmark, written into a temporary folder at bench time:
// the same DuckDB-WASM engine files as /explore/ (explore-assets/, read from explorer.json), the same
// CSV files loaded the same way (read_csv with the dictionary's column types), the same query — and
// nothing else: no editor, no UI, the wasm URL handed straight to DuckDB. The page starts at once.
// Two switches exist for experiments (the benchmark uses neither): ?blob=1 downloads the wasm on the
// main thread and hands DuckDB a blob: URL; ?comments=1 adds the COMMENT ON statements /explore/ runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../generate.ts';

/** Bundle @duckdb/duckdb-wasm's browser API (with apache-arrow) into one ES module, as a site would. */
async function bundleDuckdb(outFile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: "export * from '@duckdb/duckdb-wasm';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: outFile,
    logLevel: 'silent',
  });
}

const PAGE = String.raw`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare DuckDB-WASM</title></head>
<body><p id="status">loading</p><div id="results"></div>
<script type="module">
import * as duckdb from './duckdb.js';
const mark = (window.__bench ??= {});
const params = new URLSearchParams(location.search);
const sql = params.get('sql');
const only = params.get('tables');
const q = (s) => "'" + s.replaceAll("'", "''") + "'";
const qi = (s) => '"' + s.replaceAll('"', '""') + '"';
function render(table) {
  const cols = table.schema.fields.map((f) => f.name);
  const rows = table.toArray();
  const el = document.createElement('table');
  el.innerHTML = '<thead><tr>' + cols.map((c) => '<th>' + c + '</th>').join('') + '</tr></thead>';
  const body = document.createElement('tbody');
  for (const r of rows.slice(0, 10000)) {
    const tr = document.createElement('tr');
    for (const c of cols) { const td = document.createElement('td'); const v = r[c]; td.textContent = v === null || v === undefined ? '' : String(v); tr.append(td); }
    body.append(tr);
  }
  el.append(body);
  document.getElementById('results').replaceChildren(el);
  return rows.length;
}
try {
  const m = await (await fetch('/explore-assets/explorer.json')).json();
  const tables = only ? m.tables.filter((t) => only.split(',').includes(t.name)) : m.tables;
  const csvs = Promise.all(tables.map((t) => fetch('/' + t.csv + '?v=' + t.csvHash).then((r) => r.arrayBuffer())));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker('/' + m.worker.path));
  let wasmUrl = '/' + m.wasm.path;
  if (params.has('blob')) {
    // Variant (for experiments, not the benchmark): download on the main thread first, then a blob: URL, as /explore/ does.
    wasmUrl = URL.createObjectURL(new Blob([await (await fetch(wasmUrl)).arrayBuffer()], { type: 'application/wasm' }));
  }
  await db.instantiate(wasmUrl);
  await db.open({});
  const conn = await db.connect();
  mark.engine = performance.now();
  const bufs = await csvs;
  for (const [i, t] of tables.entries()) {
    await db.registerFileBuffer(t.name + '.csv', new Uint8Array(bufs[i]));
    const cols = t.columns.map((c) => q(c.name) + ': ' + q(c.type)).join(', ');
    await conn.query('CREATE TABLE ' + qi(t.name) + ' AS SELECT * FROM read_csv(' + q(t.name + '.csv') + ", header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', auto_detect = false, columns = {" + cols + '})');
    if (params.has('comments')) {
      // Variant (for experiments): the descriptions as COMMENT ON statements, one query each, as /explore/ does.
      await conn.query('COMMENT ON TABLE ' + qi(t.name) + ' IS ' + q(t.zh + ' — ' + t.en));
      for (const c of t.columns) await conn.query('COMMENT ON COLUMN ' + qi(t.name) + '.' + qi(c.name) + ' IS ' + q(c.zh + ' — ' + c.en));
    }
  }
  mark.tables = performance.now();
  const n = render(await conn.query(sql));
  mark.firstRows = performance.now();
  mark.rows = n;
  document.getElementById('status').textContent = 'done';
  window.__runQuery = async (s) => {
    const t0 = performance.now();
    render(await conn.query(s));
    return performance.now() - t0;
  };
} catch (e) {
  mark.error = String(e && e.stack || e);
  document.getElementById('status').textContent = 'error: ' + mark.error;
}
</script></body></html>
`;

/** Write the bare page and its bundled API into `dir` (served at /__bare/). */
export async function writeBarePage(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await bundleDuckdb(join(dir, 'duckdb.js'));
  writeFileSync(join(dir, 'index.html'), PAGE);
}
