// Build step for /explore/: self-hosts the DuckDB-WASM engine and describes the tables it loads.
//   node scripts/explorer.ts [--data public/data] [--out public/explore-assets]
// Runs after `npm run data` and before `astro build` (see the `build` script), and writes:
//   OUT/duckdb-eh.<hash>.wasm, OUT/duckdb-browser-eh.worker.<hash>.js   copied from node_modules
//   OUT/explorer.json   engine file names and sizes + every published table with its columns,
//                       types and zh/en descriptions (the data dictionary), and the CSV to load.
//   OUT/<each of the two>.br   brotli copies, for hosts that serve pre-compressed files (README,
//                       Deploying): the wasm is 5.1 MB with brotli at quality 11 against 7.7 MB
//                       with gzip. Quality 11 takes 1–3 minutes for the wasm (8 under a load of
//                       15), so its copy is kept in .cache/budget-lens/explorer/ by content hash:
//                       paid once per DuckDB-WASM version on a machine.
// Only the `eh` (wasm exception handling) variant is shipped: it needs no COOP/COEP headers.
// File names carry a content hash so hosts can cache them for a year.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { dictionary } from './pipeline/dictionary.ts';
import type { ExplorerManifest, ExplorerTable } from '../src/explore/types.ts';

export type { ExplorerColumn, ExplorerManifest, ExplorerTable } from '../src/explore/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASSET_DIR = 'explore-assets';
const BROTLI_CACHE = join(ROOT, '.cache', 'budget-lens', 'explorer');

/** Brotli at its best quality (a 16 MB window: the wasm is 34 MB), as served with `Content-Encoding: br`. */
export function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

/** The brotli copy of a content-hashed file, from the cache when this content was compressed before. */
function cachedBrotli(name: string, bytes: Buffer): Buffer {
  const cached = join(BROTLI_CACHE, `${name}.br`);
  if (existsSync(cached)) return readFileSync(cached);
  const br = brotli(bytes);
  mkdirSync(BROTLI_CACHE, { recursive: true });
  const tmp = `${cached}.tmp-${process.pid}`;
  writeFileSync(tmp, br);
  renameSync(tmp, cached);
  return br;
}

function sha(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

function countRows(csvPath: string, tableName: string): number {
  const pkgPath = join(dirname(csvPath), 'datapackage.json');
  if (existsSync(pkgPath)) {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { resources?: Array<{ path: string; rows?: number }> };
    const res = pkg.resources?.find((r) => r.path === `${tableName}.csv`);
    if (res && typeof res.rows === 'number') return res.rows;
  }
  return -1;
}

export function buildExplorerAssets(dataDir: string, outDir: string): ExplorerManifest {
  const require = createRequire(join(ROOT, 'package.json'));
  const wasmSrc = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
  const dist = dirname(wasmSrc);
  const version = (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
  if (!existsSync(dataDir)) throw new Error(`No published data in ${dataDir}: run \`npm run data\` first.`);

  // Written in place, without a moment when the folder is missing or half-written (a build may
  // be copying public/ at the same time): files are named by content, so an unchanged file is
  // left alone, a new one is written under a temporary name and renamed, stale ones go last.
  mkdirSync(outDir, { recursive: true });
  const keep = new Set<string>(['explorer.json']);
  const put = (name: string, write: (tmp: string) => void) => {
    keep.add(name);
    if (existsSync(join(outDir, name))) return;
    const tmp = join(outDir, `.${name}.tmp-${process.pid}`);
    write(tmp);
    renameSync(tmp, join(outDir, name));
  };

  const wasmHash = sha(readFileSync(wasmSrc)).slice(0, 10);
  const wasmName = `duckdb-eh.${wasmHash}.wasm`;
  put(wasmName, (tmp) => copyFileSync(wasmSrc, tmp));
  put(`${wasmName}.br`, (tmp) => writeFileSync(tmp, cachedBrotli(wasmName, readFileSync(wasmSrc))));

  // The worker ends with a sourceMappingURL to a map we don't ship: drop the comment.
  const worker = readFileSync(join(dist, 'duckdb-browser-eh.worker.js'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  const workerBuf = Buffer.from(worker, 'utf8');
  const workerName = `duckdb-browser-eh.worker.${sha(workerBuf).slice(0, 10)}.js`;
  put(workerName, (tmp) => writeFileSync(tmp, workerBuf));
  put(`${workerName}.br`, (tmp) => writeFileSync(tmp, cachedBrotli(workerName, workerBuf)));

  const published = new Set(readdirSync(dataDir).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)));
  const tables: ExplorerTable[] = [];
  for (const s of dictionary()) {
    if (!published.has(s.name)) continue;
    published.delete(s.name);
    const csvPath = join(dataDir, `${s.name}.csv`);
    const csv = readFileSync(csvPath);
    tables.push({
      name: s.name,
      zh: s.zh,
      en: s.en,
      rows: countRows(csvPath, s.name),
      csv: `data/${s.name}.csv`,
      csvBytes: csv.length,
      csvHash: sha(csv).slice(0, 10),
      parquet: `data/${s.name}.parquet`,
      columns: s.columns.map((c) => ({ name: c.name, type: c.type, zh: c.zh, en: c.en, ...(c.unit ? { unit: c.unit } : {}) })),
    });
  }
  if (published.size > 0) throw new Error(`published tables without a data dictionary entry: ${[...published].join(', ')}`);

  const dataPackage = JSON.parse(readFileSync(join(dataDir, 'datapackage.json'), 'utf8')) as { version: string };
  const manifest: ExplorerManifest = {
    duckdbVersion: version,
    dataVersion: dataPackage.version,
    wasm: { path: `${ASSET_DIR}/${wasmName}`, bytes: statSync(join(outDir, wasmName)).size, brotliBytes: statSync(join(outDir, `${wasmName}.br`)).size },
    worker: { path: `${ASSET_DIR}/${workerName}`, bytes: workerBuf.length, brotliBytes: statSync(join(outDir, `${workerName}.br`)).size },
    tables,
  };
  const tmp = join(outDir, `.explorer.json.tmp-${process.pid}`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 1));
  renameSync(tmp, join(outDir, 'explorer.json'));
  for (const f of readdirSync(outDir)) if (!keep.has(f) && !f.startsWith('.')) rmSync(join(outDir, f), { force: true });
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(ROOT, 'public', 'data') },
      out: { type: 'string', default: join(ROOT, 'public', ASSET_DIR) },
    },
  });
  const t0 = performance.now();
  const m = buildExplorerAssets(resolve(values.data), resolve(values.out));
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  process.stderr.write(
    `explorer: duckdb-wasm ${m.duckdbVersion}, ${m.wasm.path} (${mb(m.wasm.bytes)}), ${m.worker.path} (${mb(m.worker.bytes)}), ` +
    `${m.tables.length} tables, ${Math.round(performance.now() - t0)} ms\n`,
  );
}
