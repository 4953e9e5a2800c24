// /explore/ without a browser: the canned questions and drill-down SQL run against the published
// data, the engine files are self-hosted, only the explorer page loads them, and the small pure
// pieces (URL encoding, number display, error positions, load statements) do what they say.
// The dist/ checks assume `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { query } from '../../src/lib/data.ts';
import { CANNED } from '../../src/explore/canned.ts';
import { citiesSql, indicatorsSql, projectsSql, unitsSql } from '../../src/explore/drill.ts';
import { drillDoc, drillDocs } from '../../src/lib/drillData.ts';
import { encodeSql, sqlFromHash, sqlHash } from '../../src/explore/share.ts';
import { display, raw, toTsv, type QueryResult } from '../../src/explore/format.ts';
import { describeError, parseError } from '../../src/explore/errors.ts';
import { loadStatements } from '../../src/explore/engine.ts';
import { tablesNamed } from '../../src/explore/tableRefs.ts';
import type { ExplorerManifest, ExplorerTable } from '../../src/explore/types.ts';
import { DIST, ROOT } from '../e2e/browser.ts';

describe('canned questions', () => {
  test('there are at least ten, with distinct ids', () => {
    assert.ok(CANNED.length >= 10);
    assert.equal(new Set(CANNED.map((q) => q.id)).size, CANNED.length);
  });

  for (const q of CANNED) {
    test(`${q.id}: runs on the published data and returns rows`, async () => {
      const rows = await query(q.sql);
      assert.ok(rows.length > 0, `${q.title}: no rows`);
    });
  }

  test('三公 per city: 郑州 2024 is 190.2 (zhengzhou-2024-rlzyhshbzj-budget.txt:456)', async () => {
    const rows = await query<{ city: string; fiscal_year: number; total: number; source_line: number }>(
      CANNED.find((q) => q.id === 'three-public-by-city')!.sql,
    );
    const zz = rows.find((r) => r.city === '郑州' && r.fiscal_year === 2024);
    assert.equal(zz?.total, 190.2);
    assert.equal(zz?.source_line, 456);
    const line = readFileSync(join(ROOT, 'public', 'sources', 'zhengzhou-2024-rlzyhshbzj-budget.txt'), 'utf8').split('\n')[455];
    assert.match(line ?? '', /190\.2/);
  });

  test('printed totals next to their items: 郑州 2024 基本支出表 prints 57,945.5 (line 384), its items add up to 57,945.7', async () => {
    const rows = await query<{ doc_id: string; table_name: string; printed_total: number; items_sum: number; difference: number; source_line: number }>(
      CANNED.find((q) => q.id === 'printed-totals-vs-items')!.sql,
    );
    const { doc_id, table_name, printed_total, items_sum, difference, source_line } = rows[0]!;
    assert.deepEqual({ doc_id, table_name, printed_total, items_sum, difference, source_line },
      { doc_id: 'zhengzhou-2024-rlzyhshbzj-budget', table_name: 'basic_by_economic', printed_total: 57945.5, items_sum: 57945.7, difference: 0.2, source_line: 384 });
    const line = readFileSync(join(ROOT, 'public', 'sources', 'zhengzhou-2024-rlzyhshbzj-budget.txt'), 'utf8').split('\n')[383];
    assert.match(line ?? '', /^合计\t.*57,945\.5/);
  });
});

describe('drill-down SQL', () => {
  test('every level adds up to the level above', async () => {
    const cities = await query<{ doc_id: string; projects: number; total: number }>(citiesSql());
    assert.ok(cities.length > 0);
    for (const c of cities) {
      const units = await query<{ unit_name: string; projects: number; total: number }>(unitsSql(c.doc_id));
      assert.equal(units.reduce((a, u) => a + u.projects, 0), c.projects, `${c.doc_id}: projects`);
      assert.ok(Math.abs(units.reduce((a, u) => a + u.total, 0) - c.total) < 0.05, `${c.doc_id}: total`);
      const u = units[0]!;
      const projects = await query<{ project_code: string | null; indicators: number }>(projectsSql(c.doc_id, u.unit_name));
      assert.equal(projects.length, u.projects);
      for (const p of projects.filter((x) => x.project_code)) {
        const ind = await query(indicatorsSql(c.doc_id, p.project_code!));
        assert.equal(ind.length, p.indicators);
      }
    }
  });

  test('names with quotes are quoted, not injected', async () => {
    assert.deepEqual(await query(projectsSql("x' OR '1'='1", "y'; DROP TABLE projects; --")), []);
  });

  test('the pages\' rows are exactly what each node\'s own query returns', async () => {
    // The pages group a few queries per city; every node shows its own query, which must give its rows.
    const asSet = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    const docs = await drillDocs();
    assert.deepEqual(docs.map((d) => d.doc_id), (await query<{ doc_id: string }>(citiesSql())).map((d) => d.doc_id));
    for (const d of docs) {
      assert.ok(d.city_slug, `${d.doc_id}: city_slug`);
      const drill = await drillDoc(d.doc_id);
      assert.deepEqual(drill.units.map((u) => u.row), await query(drill.sql), `${d.doc_id}: units`);
      assert.equal(drill.units.flatMap((u) => u.projects).length, d.projects, `${d.doc_id}: projects`);
      for (const u of drill.units) {
        assert.deepEqual(u.projects.map((p) => p.row), await query(u.sql), `${d.doc_id} / ${u.row.unit_name}: projects`);
        for (const p of u.projects) {
          assert.equal(p.indicators.length, p.row.indicators, `${d.doc_id} / ${p.row.project_name}: indicator count`);
          if (p.sql) assert.deepEqual(asSet(p.indicators), asSet(await query(p.sql)), `${d.doc_id} / ${p.row.project_code}: indicators`);
          else assert.equal(p.row.project_code, null);
        }
      }
    }
  });
});

describe('shareable URLs', () => {
  const samples = [
    'SELECT 1',
    "SELECT '郑州' AS city, 100% AS p -- #hash & + plus\n\tFROM t WHERE a <> 'b\"c' /* ？ */",
    'SELECT \'\u2028\' AS ls, \'😀\' AS emoji, \'%E4%B8%AD\' AS literal_percent',
  ];
  for (const s of samples) {
    test(`round trip: ${JSON.stringify(s).slice(0, 40)}`, () => {
      const h = sqlHash(s);
      assert.match(h, /^#sql=/);
      assert.doesNotMatch(h.slice(1), /[\s#&+"<>]/, 'no raw separators');
      assert.doesNotMatch(h, /%(?![0-9A-F]{2})/, 'every % is an escape');
      assert.equal(sqlFromHash(h), s);
      // What location.hash gives back after the browser percent-encodes non-ASCII characters.
      assert.equal(sqlFromHash(new URL(`http://x/explore/${h}`).hash), s);
    });
  }
  test('Chinese stays readable in the link', () => {
    assert.equal(encodeSql("WHERE city = '郑州'"), "WHERE%20city%20=%20'郑州'");
  });
  test('anything that is not #sql= is ignored', () => {
    assert.equal(sqlFromHash(''), null);
    assert.equal(sqlFromHash('#drill'), null);
    assert.equal(sqlFromHash('#sql=%E4%B8'), null, 'broken percent-encoding');
  });
});

describe('result display', () => {
  test('numbers: grouped, float noise hidden, exact in raw', () => {
    assert.equal(display(19.939999999999998, 'float'), '19.94');
    assert.equal(raw(19.939999999999998), '19.939999999999998');
    assert.equal(display(84669.1, 'float'), '84,669.1');
    assert.equal(display(190.2, 'float'), '190.2');
    assert.equal(display(2024, 'int'), '2024', 'years and line numbers are not grouped');
    assert.equal(display(123456, 'int'), '123,456');
    assert.equal(display(12345678901234567890n, 'int'), '12,345,678,901,234,567,890');
    assert.equal(display('-12345.50', 'decimal'), '-12,345.50');
    assert.equal(display(0.00001234, 'float'), '0.0000123400');
    assert.equal(display(true, 'bool'), 'true');
    assert.equal(display('046', 'text'), '046', 'codes keep their zeros');
  });
  test('TSV: header, NULL empty, tabs and newlines flattened', () => {
    const r: QueryResult = {
      columns: [{ name: 'a', kind: 'text', type: 'Utf8' }, { name: 'b', kind: 'float', type: 'Float64' }],
      rows: [['x\ty\nz', null], ['046', 1.5]],
      ms: 1,
    };
    assert.equal(toTsv(r), 'a\tb\nx y z\t\n046\t1.5\n');
  });
});

describe('errors', () => {
  test('JSON error with a UTF-8 byte offset → line and column in characters', () => {
    const sql = "SELECT '郑州',\n  nope FROM t";
    const bytes = Buffer.byteLength("SELECT '郑州',\n  ");
    const e = parseError(new Error(`{"exception_type":"Binder","exception_message":"Referenced column \\"nope\\" not found","position":"${bytes}"}`), sql);
    assert.equal(e.type, 'Binder');
    assert.deepEqual(e.position, { offset: sql.indexOf('nope'), line: 2, column: 3 });
    assert.match(describeError(e), /^名称无法解析.*（第 2 行第 3 列）：Referenced column "nope" not found$/);
  });
  test('prefixed JSON and plain text', () => {
    const e = parseError(new Error('Parser Error: {"exception_type":"Parser","exception_message":"syntax error at or near \\"SELEC\\"","position":"0"}'), 'SELEC 1');
    assert.equal(e.title, 'SQL 语法错误');
    assert.deepEqual(e.position, { offset: 0, line: 1, column: 1 });
    const t = parseError(new Error('Catalog Error: Table with name nope does not exist!\n\nLINE 1: SELECT * FROM nope\n        ^'), 'SELECT * FROM nope');
    assert.equal(t.type, 'Catalog');
    assert.equal(t.message, 'Table with name nope does not exist!');
    assert.equal(t.position, null);
  });
});

describe('loading the tables into the engine', () => {
  const manifestPath = join(ROOT, 'public', 'explore-assets', 'explorer.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ExplorerManifest) : null;

  test('explorer.json lists every published table with the data dictionary', () => {
    assert.ok(manifest, 'run `node scripts/explorer.ts` (part of `npm run build`)');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'datapackage.json'), 'utf8')) as {
      resources: { path: string; schema: { fields: { name: string; title: string }[] } }[];
    };
    const csvs = pkg.resources.filter((r) => r.path.endsWith('.csv'));
    assert.deepEqual(manifest.tables.map((t) => t.csv).sort(), csvs.map((r) => `data/${r.path}`).sort());
    for (const r of csvs) {
      const t: ExplorerTable | undefined = manifest.tables.find((x) => x.csv === `data/${r.path}`);
      assert.ok(t, r.path);
      assert.deepEqual(t.columns.map((c) => c.name), r.schema.fields.map((f) => f.name), `${t.name}: columns`);
      assert.deepEqual(t.columns.map((c) => c.zh), r.schema.fields.map((f) => f.title), `${t.name}: descriptions`);
    }
  });

  test('the load statements type every column and quote every description', () => {
    const table: ExplorerTable = { name: 'units', zh: "单位's", en: 'units', rows: 1, csv: 'data/units.csv', csvBytes: 1, csvHash: 'x', parquet: 'data/units.parquet',
      columns: [{ name: 'unit_code', type: 'VARCHAR', zh: '代码', en: "it's a code" }, { name: 'n', type: 'INTEGER', zh: '数', en: 'n', unit: '个' }] };
    const stmts = loadStatements(table, 'units.csv');
    assert.match(stmts[0]!, /allow_quoted_nulls = false, auto_detect = false, columns = \{'unit_code': 'VARCHAR', 'n': 'INTEGER'\}/);
    assert.equal(stmts[1], `COMMENT ON TABLE "units" IS '单位''s — units'`);
    assert.equal(stmts[2], `COMMENT ON COLUMN "units"."unit_code" IS '代码 — it''s a code'`);
    assert.equal(stmts[3], `COMMENT ON COLUMN "units"."n" IS '数（个） — n'`);
  });

  test('read_csv with the dictionary types reads the published CSV exactly as the Parquet', async () => {
    assert.ok(manifest);
    for (const t of manifest.tables) {
      const file = join(ROOT, 'public', t.csv).replaceAll("'", "''");
      const [stmt] = loadStatements(t, file);
      const select = stmt!.replace(/^CREATE TABLE "[^"]+" AS /, '');
      const [diff] = await query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM ((${select}) EXCEPT ALL (SELECT * FROM "${t.name}"))`,
      );
      const [count] = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${select})`);
      assert.equal(diff?.n, 0, `${t.name}: rows differ between CSV and Parquet`);
      assert.equal(count?.n, t.rows, `${t.name}: row count`);
    }
  });
});

describe('the tables a query names (loaded before it runs; the rest on demand)', () => {
  const names = ['projects', 'project_indicators', 'documents', 'three_public', 'income_by_unit'];

  test('every canned question names the tables it reads, or asks for the whole catalogue', () => {
    for (const q of CANNED) {
      const named = tablesNamed(q.sql, names);
      const from = [...q.sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)].map((m) => m[1]!).filter((n) => names.includes(n));
      if (named === null) assert.match(q.sql, /duckdb_columns\(\)/, `${q.id} reads the catalogue`);
      else for (const t of from) assert.ok(named.includes(t), `${q.id}: ${t} in ${JSON.stringify(named)}`);
    }
    assert.deepEqual(tablesNamed(CANNED.find((q) => q.id === 'three-public-by-city')!.sql, names)?.sort(), ['documents', 'three_public']);
  });

  test('strings and comments do not count; quoted names and any case do', () => {
    assert.deepEqual(tablesNamed(`SELECT 'projects' AS x -- from documents\n/* three_public */ FROM "Income_By_Unit"`, names), ['income_by_unit']);
    assert.deepEqual(tablesNamed('select * from PROJECTS p join project_indicators i using (doc_id)', names), ['projects', 'project_indicators']);
    assert.deepEqual(tablesNamed(`SELECT 'it''s' AS a, 1 AS documents_count`, names), []);
  });

  test('SHOW, information_schema and duckdb_* read the catalogue: every table', () => {
    for (const sql of ['SHOW TABLES', 'SELECT * FROM information_schema.columns', 'SELECT * FROM duckdb_tables()', 'PRAGMA show_tables']) {
      assert.equal(tablesNamed(sql, names), null, sql);
    }
  });
});

describe('dist/: the engine is self-hosted and only /explore/ loads it', () => {
  const manifestPath = join(DIST, 'explore-assets', 'explorer.json');

  test('wasm and worker are in dist/explore-assets with content-hashed names', () => {
    assert.ok(existsSync(manifestPath), 'run `npm run build` first');
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExplorerManifest;
    const wasm = readFileSync(join(DIST, m.wasm.path));
    assert.equal(wasm.length, m.wasm.bytes);
    assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic');
    assert.match(m.wasm.path, /^explore-assets\/duckdb-eh\.[0-9a-f]{10}\.wasm$/);
    assert.match(m.worker.path, /^explore-assets\/duckdb-browser-eh\.worker\.[0-9a-f]{10}\.js$/);
    const worker = readFileSync(join(DIST, m.worker.path), 'utf8');
    assert.doesNotMatch(worker, /sourceMappingURL/);
    assert.deepEqual(readdirSync(join(DIST, 'explore-assets')).filter((f) => /mvp|coi/.test(f)), [], 'only the eh variant');
  });

  test('the brotli copies a host may serve instead are the wasm and the worker, byte for byte, and smaller than gzip', () => {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExplorerManifest;
    for (const f of [m.wasm, m.worker]) {
      const raw = readFileSync(join(DIST, f.path));
      const br = readFileSync(join(DIST, `${f.path}.br`));
      assert.equal(br.length, f.brotliBytes, `${f.path}: size in explorer.json`);
      assert.ok(brotliDecompressSync(br).equals(raw), `${f.path}.br decompresses to ${f.path}`);
      assert.ok(br.length < gzipSync(raw, { level: 9 }).length, `${f.path}.br is smaller than gzip -9`);
    }
  });

  test('/explore/ has the CSP, the hooks and the drill-down; no other page mentions the engine', () => {
    const htmlFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []);
    const explore = join(DIST, 'explore', 'index.html');
    const html = readFileSync(explore, 'utf8');
    const { document } = parseHTML(html);
    const csp = document.querySelector('head meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    for (const id of ['sql-editor', 'run', 'cancel', 'results', 'error', 'status']) {
      assert.equal(document.querySelectorAll(`[data-testid="${id}"]`).length, 1, id);
    }
    // The drill-down's first level only: each document's deeper levels are on a page of its own.
    assert.ok(document.querySelectorAll('#drill table.drill-docs tbody tr a.drill-doc').length > 0);
    assert.equal(document.querySelectorAll('#drill details.drill-node, #drill table.drill-indicators').length, 0);
    assert.equal(document.querySelectorAll('script:not([src]):not([type="application/json"])').length, 0, 'no inline script (the CSP would block it)');
    for (const file of htmlFiles(DIST)) {
      if (file === explore) continue;
      assert.doesNotMatch(readFileSync(file, 'utf8'), /explore-assets|duckdb-eh|duckdb-browser/i, `${relative(DIST, file)} refers to the engine`);
    }
  });

  test('the page script does not bundle DuckDB, Arrow, CodeMirror or Plot: they load on demand', () => {
    const { document } = parseHTML(readFileSync(join(DIST, 'explore', 'index.html'), 'utf8'));
    const entry = document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? '';
    const js = readFileSync(join(DIST, entry), 'utf8');
    assert.doesNotMatch(js, /AsyncDuckDB|instantiateStreaming/, 'DuckDB in the entry chunk');
    assert.doesNotMatch(js, /cm-completionIcon|EditorView/, 'CodeMirror in the entry chunk (Run must not wait for it)');
    // Plot alone is ~380 kB, CodeMirror ~430 kB: the page's own code is ~20 kB.
    assert.ok(js.length < 40_000, `the entry chunk is small: ${js.length} bytes`);
    assert.match(js, /import\(/, 'dynamic import of the engine');
    const chunks = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    assert.ok(chunks.some((f) => /AsyncDuckDB|registerFileBuffer/.test(readFileSync(join(DIST, '_astro', f), 'utf8'))), 'a lazy DuckDB chunk exists');
  });
});
