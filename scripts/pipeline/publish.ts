// dataset → files: Parquet and CSV (UTF-8 with BOM) per table, datapackage.json, source texts.
// Everything is written to the run's stage first and switched in at the end by one rename
// (output.ts), so a failure, a kill or a concurrent run leaves the previous output whole.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { zipSync } from 'fflate';
import type { OutRow, TableSchema } from './types.ts';
import { dictionary } from './dictionary.ts';
import { writeWorkbook } from './workbook.ts';
import { commit, openStore, release, step, type Store } from './output.ts';

/** The Excel/WPS workbook beside the CSVs (codes stored as text). */
export const WORKBOOK = 'budget-lens.xlsx';

const FRICTIONLESS_TYPE = { VARCHAR: 'string', DOUBLE: 'number', INTEGER: 'integer', BOOLEAN: 'boolean' } as const;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function writeTable(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, schema: TableSchema, rows: OutRow[], dir: string): Promise<void> {
  const known = new Set(schema.columns.map((c) => c.name));
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!known.has(k)) throw new Error(`table ${schema.name}: column "${k}" has no entry in the data dictionary`);
    }
  }
  const cols = schema.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE "${schema.name}" (${cols})`);
  const app = await conn.createAppender(schema.name);
  for (const r of rows) {
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
  app.flushSync();
  app.closeSync();
  const base = join(dir, schema.name);
  // COPY takes its file name as an SQL string literal only (no parameter): a quote in the output
  // path (`--out "/tmp/o'brien"`) is doubled, as SQL escapes it, so the path is never read as SQL.
  const literal = (path: string) => `'${path.replace(/'/g, "''")}'`;
  await conn.run(`COPY "${schema.name}" TO ${literal(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
  await conn.run(`COPY "${schema.name}" TO ${literal(`${base}.csv`)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', NULLSTR '')`);
  writeFileSync(`${base}.csv`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(`${base}.csv`)]));
}

/** What publish needs of each document: its id, format, hash and title, and what to publish as its source (a Dataset's reads have it). */
export interface SourceOf {
  doc: { docId: string; format: 'txt' | 'pdf'; sha256: string; lines: string[]; meta: { title: string } };
  /** The file as read. */
  bytes: Uint8Array;
  encoding: 'utf-8' | 'gbk';
}

/** The rows of every table, and the documents they were read from. */
export interface PublishInput {
  tables: Record<string, OutRow[]>;
  reads: SourceOf[];
}

/** Where the copies of each table split by fiscal year go, under OUT/data. */
export const BY_YEAR = 'by-year';

/**
 * Every table again as Parquet split by fiscal year (hive layout: by-year/<table>/fiscal_year=2024/
 * data_0.parquet), so that a reader of one year — the explorer at scale, a researcher's script —
 * opens only that year's files. A table without a fiscal_year column gets its document's. The
 * partition column is written into the files too: each file alone is complete.
 */
async function writeByYear(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, schemas: TableSchema[], dir: string): Promise<void> {
  const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;
  mkdirSync(dir, { recursive: true });
  for (const s of schemas) {
    if (s.name === 'quarantine') continue; // files, not documents: no year
    const select = s.columns.some((c) => c.name === 'fiscal_year')
      ? `SELECT * FROM "${s.name}"`
      : `SELECT t.*, d.fiscal_year FROM "${s.name}" t LEFT JOIN documents d USING (doc_id)`;
    await conn.run(`COPY (${select}) TO ${quote(join(dir, s.name))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (fiscal_year), WRITE_PARTITION_COLUMNS true)`);
  }
}

function datapackage(dir: string, ds: PublishInput, schemas: TableSchema[], counts: Record<string, number>) {
  const inputs = createHash('sha256').update(ds.reads.map((r) => r.doc.sha256).sort().join('\n')).digest('hex').slice(0, 8);
  const built = new Date().toISOString();
  return {
    profile: 'tabular-data-package',
    name: 'budget-lens',
    title: '预算透视 Budget Lens：部门预算、决算公开数据',
    description: 'Tables read from Chinese department budget and final-account disclosures (部门预算、决算公开), PDFs and text conversions, checked against themselves. Every amount is in 万元 (tables printed in 元 converted exactly); source_line points into sources/<doc_id>.txt, source_page into the PDF.',
    version: `${built.slice(0, 10)}+${inputs}`,
    created: built,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 (our tables); the source texts are public government information' }],
    sources: ds.reads.map((r) => ({ title: r.doc.meta.title, path: `../sources/${r.doc.docId}.${r.doc.format}`, sha256: r.doc.sha256 })),
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
        bytes: readFileSync(join(dir, path)).length,
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
  // ../sources/ included, resolves inside the zip: a valid data package offline.
  const files: Record<string, Uint8Array> = {
    'README.txt': new TextEncoder().encode(readme),
    'data/datapackage.json': readFileSync(join(dir, 'datapackage.json')),
    [`data/${WORKBOOK}`]: readFileSync(join(dir, WORKBOOK)),
  };
  for (const r of pkg.resources) files[`data/${r.path}`] = readFileSync(join(dir, r.path));
  for (const f of readdirSync(srcDir)) files[`sources/${f}`] = readFileSync(join(srcDir, f));
  writeFileSync(join(dir, 'budget-lens-data.zip'), zipSync(files, { level: 6, mtime: new Date(pkg.created) }));
}

/**
 * Writes the dataset into the store's stage and switches OUT to it. `store` is the run's open store
 * (its lock already taken); given a folder instead, publish opens and releases one itself.
 */
export async function publish(ds: PublishInput, target: Store | string): Promise<{ counts: Record<string, number> }> {
  const store = typeof target === 'string' ? openStore(target) : target;
  const { stage } = store;
  rmSync(stage, { recursive: true, force: true });
  const dataDir = join(stage, 'data');
  const srcDir = join(stage, 'sources');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(srcDir, { recursive: true });
  const counts: Record<string, number> = {};
  try {
    const schemas = dictionary();
    const names = new Set(schemas.map((s) => s.name));
    for (const t of Object.keys(ds.tables)) if (!names.has(t)) throw new Error(`table ${t} has no entry in the data dictionary`);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      for (const s of schemas) {
        const rows = ds.tables[s.name] ?? [];
        counts[s.name] = rows.length;
        await writeTable(conn, s, rows, dataDir);
      }
      await writeByYear(conn, schemas, join(dataDir, BY_YEAR));
    } finally {
      conn.closeSync();
      db.closeSync();
    }
    step('writing');
    for (const r of ds.reads) {
      // A text conversion is published as vendored; a PDF as published, beside the text read from it.
      if (r.doc.format === 'pdf') writeFileSync(join(srcDir, `${r.doc.docId}.pdf`), r.bytes);
      writeFileSync(join(srcDir, `${r.doc.docId}.txt`), r.doc.format === 'txt' && r.encoding === 'utf-8' ? r.bytes : r.doc.lines.join('\n') + '\n');
    }
    const pkg = datapackage(dataDir, ds, schemas, counts);
    writeFileSync(join(dataDir, 'datapackage.json'), JSON.stringify(pkg, null, 2));
    await writeWorkbook(join(dataDir, WORKBOOK), schemas, ds.tables, { title: pkg.title, version: pkg.version, created: pkg.created });
    writeZip(dataDir, srcDir, pkg, schemas, counts);
    commit(store);
  } finally {
    if (typeof target === 'string') release(store);
    else rmSync(stage, { recursive: true, force: true });
  }
  return { counts };
}
