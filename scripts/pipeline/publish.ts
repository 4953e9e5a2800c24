// dataset → files: Parquet and CSV (UTF-8 with BOM) per table, datapackage.json, source texts.
// Everything is written to the run's stage first and switched in at the end by one rename
// (output.ts), so a failure, a kill or a concurrent run leaves the previous output whole.
// Rows are not held until then: each document's rows go into a DuckDB database file in the stage
// as soon as the document is read, and its source files are written at once; every download is
// then written from that file, so no table is ever held whole in memory (exceljs's streaming writer
// still holds more the longer a sheet is: bench/README.md).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { crc32 } from 'node:zlib';
import { Deflate, Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { OutRow, TableSchema } from './types.ts';
import { dictionary } from './dictionary.ts';
import { writeWorkbook } from './workbook.ts';
import { commit, step, type Store } from './output.ts';

/** The Excel/WPS workbook beside the CSVs (codes stored as text). */
export const WORKBOOK = 'budget-lens.xlsx';

const FRICTIONLESS_TYPE = { VARCHAR: 'string', DOUBLE: 'number', INTEGER: 'integer', BOOLEAN: 'boolean' } as const;

/** Calls `fn` with each 1 MB piece of a file, in order: no file is ever read whole. */
function eachPiece(path: string, fn: (piece: Uint8Array) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) fn(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

function sha256(path: string): string {
  const h = createHash('sha256');
  eachPiece(path, (piece) => h.update(piece));
  return h.digest('hex');
}

// COPY takes its file name as an SQL string literal only (no parameter): a quote in the output
// path (`--out "/tmp/o'brien"`) is doubled, as SQL escapes it, so the path is never read as SQL.
const literal = (path: string) => `'${path.replace(/'/g, "''")}'`;

async function writeTable(conn: DuckDBConnection, schema: TableSchema, dir: string): Promise<void> {
  const base = join(dir, schema.name);
  await conn.run(`COPY "${schema.name}" TO ${literal(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
  // DuckDB writes no BOM: the body is copied after one, piece by piece.
  const body = `${base}.csv.body`;
  await conn.run(`COPY "${schema.name}" TO ${literal(body)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', NULLSTR '')`);
  const fd = openSync(`${base}.csv`, 'w');
  try {
    writeSync(fd, new Uint8Array([0xef, 0xbb, 0xbf]));
    eachPiece(body, (piece) => writeSync(fd, piece));
  } finally {
    closeSync(fd);
  }
  rmSync(body);
}

/** What publish needs of each document: its id, format, hash and title, and what to publish as its source (a Dataset's reads have it). */
export interface SourceOf {
  doc: { docId: string; format: 'txt' | 'pdf'; sha256: string; lines: string[]; meta: { title: string } };
  /** The file as read. */
  bytes: Uint8Array;
  encoding: 'utf-8' | 'gbk';
}

/** What the dataset's description (datapackage.json, the zip's README) keeps of each document. */
export interface Published {
  docId: string;
  format: 'txt' | 'pdf';
  sha256: string;
  title: string;
}

/** Where the copies of each table split by fiscal year go, under OUT/data. */
export const BY_YEAR = 'by-year';

/**
 * Every table again as Parquet split by fiscal year (hive layout: by-year/<table>/fiscal_year=2024/
 * data_0.parquet), so that a reader of one year — the explorer at scale, a researcher's script —
 * opens only that year's files. A table without a fiscal_year column gets its document's. The
 * partition column is written into the files too: each file alone is complete.
 */
async function writeByYear(conn: DuckDBConnection, schemas: TableSchema[], dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const s of schemas) {
    if (s.name === 'quarantine') continue; // files, not documents: no year
    const select = s.columns.some((c) => c.name === 'fiscal_year')
      ? `SELECT * FROM "${s.name}"`
      : `SELECT t.*, d.fiscal_year FROM "${s.name}" t LEFT JOIN documents d USING (doc_id)`;
    await conn.run(`COPY (${select}) TO ${literal(join(dir, s.name))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (fiscal_year), WRITE_PARTITION_COLUMNS true)`);
  }
}

function datapackage(dir: string, docs: Published[], schemas: TableSchema[], counts: Record<string, number>) {
  const inputs = createHash('sha256').update(docs.map((d) => d.sha256).sort().join('\n')).digest('hex').slice(0, 8);
  const built = new Date().toISOString();
  return {
    profile: 'tabular-data-package',
    name: 'budget-lens',
    title: '预算透视 Budget Lens：部门预算、决算公开数据',
    description: 'Tables read from Chinese department budget and final-account disclosures (部门预算、决算公开), PDFs and text conversions, checked against themselves. Every amount is in 万元 (tables printed in 元 converted exactly); source_line points into sources/<doc_id>.txt, source_page into the PDF.',
    version: `${built.slice(0, 10)}+${inputs}`,
    created: built,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 (our tables); the source texts are public government information' }],
    sources: docs.map((d) => ({ title: d.title, path: `../sources/${d.docId}.${d.format}`, sha256: d.sha256 })),
    resources: schemas.flatMap((s) => (['parquet', 'csv'] as const).map((fmt) => {
      const path = `${s.name}.${fmt}`;
      return {
        name: `${s.name.replace(/_/g, '-')}-${fmt}`,
        path,
        title: s.zh,
        description: s.en,
        format: fmt,
        mediatype: fmt === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet',
        ...(fmt === 'csv' ? { encoding: 'utf-8-sig', dialect: { delimiter: ',', header: true, doubleQuote: true } } : {}),
        bytes: statSync(join(dir, path)).size,
        hash: `sha256:${sha256(join(dir, path))}`,
        rows: counts[s.name] ?? 0,
        schema: {
          fields: s.columns.map((c) => ({
            name: c.name, type: FRICTIONLESS_TYPE[c.type], title: c.zh, description: c.en, ...(c.unit ? { unit: c.unit } : {}),
          })),
          missingValues: [''],
        },
      };
    })),
  };
}

/**
 * A zip entry deflated as it is pushed, which lets go of its compressor once it is complete:
 * fflate's ZipDeflate keeps its compressor (about 1.7 MB) until the whole zip ends, which was 1.7 GB
 * over the 1,000 sources of 1,000 documents.
 */
function deflatedEntry(filename: string, mtime: Date): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
  let deflate: Deflate | null = null;
  const entry = {
    filename, mtime, compression: 8, crc: 0, size: 0,
    ondata: (() => {}) as NonNullable<ZipInputFile['ondata']>,
    push(chunk: Uint8Array, final = false) {
      entry.crc = crc32(chunk, entry.crc);
      entry.size += chunk.length;
      deflate!.push(chunk, final);
      if (final) deflate = null;
    },
  };
  deflate = new Deflate({ level: 6 }, (data, final) => entry.ondata(null, data, final));
  return entry;
}

/** One download: every CSV and Parquet file, datapackage.json, the workbook, the sources, and a README.txt that says what is inside. */
function writeZip(dir: string, srcDir: string, pkg: ReturnType<typeof datapackage>, schemas: TableSchema[], counts: Record<string, number>): void {
  const readme = [
    `${pkg.title}`,
    `Budget Lens dataset, version ${pkg.version}`,
    '',
    'Every amount is in 万元 (10,000 yuan): as printed, or converted exactly from a table printed in 元. CSV files are UTF-8 with BOM,',
    'comma-separated, RFC 4180; an empty field is NULL. Codes are text and keep their leading zeros.',
    'source_line / source_line_end are 1-based lines of the disclosure text (sources/<doc_id>.txt on the site; for a PDF, the text read from it);',
    'source_page is the page of the PDF (sources/<doc_id>.pdf).',
    'data/datapackage.json describes every column (Chinese title, English description, type, unit) and the sha256 of each file;',
    `every table is in data/ as CSV and Parquet, and all of them in data/${WORKBOOK} (Excel/WPS: codes kept as text).`,
    'sources/ holds each disclosure as published (PDF or text) and the text that source_line points into.',
    '',
    `Licence: ${pkg.licenses[0]!.title}.`,
    '',
    'Tables:',
    ...schemas.map((s) => `  data/${s.name}.csv  ${counts[s.name] ?? 0} rows  ${s.zh} — ${s.en}`),
    '',
    'Sources:',
    ...pkg.sources.map((s) => `  ${s.title}  sha256 ${s.sha256}`),
    '',
  ].join('\r\n');
  // Laid out as on the site (data/ beside sources/), so that every path datapackage.json names,
  // ../sources/ included, resolves inside the zip: a valid data package offline. Written as it is
  // made, file by file in 1 MB pieces; Parquet, PDF and the workbook are compressed already and are
  // stored as they are.
  const mtime = new Date(pkg.created);
  const fd = openSync(join(dir, 'budget-lens-data.zip'), 'w');
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed ??= err;
    else writeSync(fd, chunk);
  });
  const add = (name: string, from: string | Uint8Array) => {
    const file = /\.(parquet|pdf|xlsx)$/.test(name) ? Object.assign(new ZipPassThrough(name), { mtime }) : deflatedEntry(name, mtime);
    zip.add(file);
    if (typeof from !== 'string') file.push(from, true);
    else {
      eachPiece(from, (piece) => file.push(piece));
      file.push(new Uint8Array(0), true);
    }
    if (failed) throw failed;
  };
  try {
    add('README.txt', new TextEncoder().encode(readme));
    add('data/datapackage.json', join(dir, 'datapackage.json'));
    add(`data/${WORKBOOK}`, join(dir, WORKBOOK));
    for (const r of pkg.resources) add(`data/${r.path}`, join(dir, r.path));
    for (const f of readdirSync(srcDir).sort()) add(`sources/${f}`, join(srcDir, f));
    zip.end();
    if (failed) throw failed;
  } finally {
    closeSync(fd);
  }
}

/** A table's rows go in through one appender, flushed to the database file every this many rows. */
const FLUSH_ROWS = 20_000;

/**
 * One run's dataset while it is read: `add` takes each document as it is read (its rows into the
 * stage's database file, its source files into the stage), `finish` writes every download from the
 * database and switches OUT to the stage. Nothing of a document is held after `add`.
 */
export class Publication {
  readonly counts: Record<string, number> = {};
  private readonly docs: Published[] = [];
  private readonly pending = new Map<string, number>();

  private readonly store: Store;
  private readonly schemas: TableSchema[];
  private readonly db: DuckDBInstance;
  private readonly conn: DuckDBConnection;
  private readonly appenders: Map<string, DuckDBAppender>;

  private constructor(store: Store, schemas: TableSchema[], db: DuckDBInstance, conn: DuckDBConnection, appenders: Map<string, DuckDBAppender>) {
    this.store = store;
    this.schemas = schemas;
    this.db = db;
    this.conn = conn;
    this.appenders = appenders;
  }

  /** Starts the stage of `store` (its lock already taken): an empty database with every table of the dictionary. */
  static async open(store: Store): Promise<Publication> {
    rmSync(store.stage, { recursive: true, force: true });
    mkdirSync(join(store.stage, 'data'), { recursive: true });
    mkdirSync(join(store.stage, 'sources'), { recursive: true });
    // A file, not memory: rows past the memory limit live on disk. The limit leaves room for the
    // reading threads; DuckDB spills what does not fit (COPY … PARTITION_BY included).
    const db = await DuckDBInstance.create(join(store.stage, ROWS_DB), { memory_limit: '384MB' });
    const conn = await db.connect();
    const schemas = dictionary();
    const appenders = new Map<string, DuckDBAppender>();
    try {
      for (const s of schemas) {
        await conn.run(`CREATE TABLE "${s.name}" (${s.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
        appenders.set(s.name, await conn.createAppender(s.name));
      }
    } catch (e) {
      conn.closeSync();
      db.closeSync();
      throw e;
    }
    return new Publication(store, schemas, db, conn, appenders);
  }

  /** One document read: its rows appended to every table, its source published. */
  addDocument(source: SourceOf, tables: Record<string, OutRow[]>): void {
    for (const [name, rows] of Object.entries(tables)) this.addRows(name, rows);
    const { doc } = source;
    const srcDir = join(this.store.stage, 'sources');
    // A text conversion is published as vendored; a PDF as published, beside the text read from it.
    if (doc.format === 'pdf') writeFileSync(join(srcDir, `${doc.docId}.pdf`), source.bytes);
    writeFileSync(join(srcDir, `${doc.docId}.txt`), doc.format === 'txt' && source.encoding === 'utf-8' ? source.bytes : doc.lines.join('\n') + '\n');
    this.docs.push({ docId: doc.docId, format: doc.format, sha256: doc.sha256, title: doc.meta.title });
  }

  addRows(table: string, rows: OutRow[]): void {
    const app = this.appenders.get(table);
    const schema = this.schemas.find((s) => s.name === table);
    if (!app || !schema) throw new Error(`table ${table} has no entry in the data dictionary`);
    const known = new Set(schema.columns.map((c) => c.name));
    for (const r of rows) {
      for (const k of Object.keys(r)) {
        if (!known.has(k)) throw new Error(`table ${schema.name}: column "${k}" has no entry in the data dictionary`);
      }
      for (const c of schema.columns) {
        const v = r[c.name];
        // The contract: a blank cell is NULL, never an empty string.
        if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) { app.appendNull(); continue; }
        if (c.type === 'VARCHAR') app.appendVarchar(String(v));
        else if (c.type === 'DOUBLE') app.appendDouble(Number(v));
        else if (c.type === 'INTEGER') app.appendInteger(Number(v));
        else app.appendBoolean(Boolean(v));
      }
      app.endRow();
    }
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    const pending = (this.pending.get(table) ?? 0) + rows.length;
    if (pending >= FLUSH_ROWS) app.flushSync();
    this.pending.set(table, pending >= FLUSH_ROWS ? 0 : pending);
  }

  /** Writes every download from the rows added and switches OUT to them. */
  async finish(): Promise<{ counts: Record<string, number>; phases: Record<string, number> }> {
    const { stage } = this.store;
    const dataDir = join(stage, 'data');
    for (const s of this.schemas) this.counts[s.name] ??= 0;
    // How long each download took (ms), for the log: what a re-publication costs, part by part.
    const phases: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      phases[name] = Math.round(now - t);
      t = now;
    };
    for (const app of this.appenders.values()) {
      app.flushSync();
      app.closeSync();
    }
    this.appenders.clear();
    try {
      for (const s of this.schemas) await writeTable(this.conn, s, dataDir);
      lap('tables');
      await writeByYear(this.conn, this.schemas, join(dataDir, BY_YEAR));
      lap('by-year');
      step('writing');
      const pkg = datapackage(dataDir, this.docs, this.schemas, this.counts);
      writeFileSync(join(dataDir, 'datapackage.json'), JSON.stringify(pkg, null, 2));
      lap('datapackage');
      await writeWorkbook(join(dataDir, WORKBOOK), this.schemas, this.conn, { title: pkg.title, version: pkg.version, created: pkg.created });
      lap('workbook');
      this.close();
      writeZip(dataDir, join(stage, 'sources'), pkg, this.schemas, this.counts);
      lap('zip');
    } finally {
      this.close();
    }
    commit(this.store);
    lap('switch');
    return { counts: this.counts, phases };
  }

  private closed = false;
  /** Closes the database and removes its file: it is the run's work, not part of the dataset. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const app of this.appenders.values()) app.closeSync();
    this.conn.closeSync();
    this.db.closeSync();
    for (const f of readdirSync(this.store.stage)) if (f.startsWith(ROWS_DB)) rmSync(join(this.store.stage, f), { recursive: true, force: true });
  }
}

/** The database file of the run's rows, in the stage beside data/ and sources/ (removed before the switch). */
const ROWS_DB = 'rows.duckdb';
