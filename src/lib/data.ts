// The one data-access module the pages use. At build time it opens an in-memory
// DuckDB, makes one view per published table (public/data/<table>.parquet), and
// runs SQL against them, so every number on the site comes from the published data.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A value as pages see it: plain JS, no BigInt, no DuckDB value objects. */
export type Plain = null | boolean | number | string | Uint8Array | Plain[] | { [key: string]: Plain };
export type Row = Record<string, Plain>;
export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/**
 * Where the published tables live. Astro builds from the project root, and the
 * bundled copy of this module no longer sits in src/, so resolve from the working
 * directory (overridable with BUDGET_LENS_DATA_DIR).
 */
export const DATA_DIR = resolve(process.env['BUDGET_LENS_DATA_DIR'] ?? join(process.cwd(), 'public', 'data'));

interface Db { connection: DuckDBConnection; tables: string[] }

let opened: Promise<Db> | undefined;

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** `['a', "b'c"]` → `('a', 'b''c')` for `WHERE doc_id IN ${sqlList(ids)}` (never empty: `(NULL)` matches nothing). */
export function sqlList(values: string[]): string {
  return values.length ? `(${values.map(sqlString).join(', ')})` : '(NULL)';
}

/**
 * The 合计 and subtotal rows an item table printed (`projects`, `income_by_unit`, `basic_by_economic`,
 * `expenditure_by_function`, `income_by_function`), as a subquery with one row per printed row and the
 * given columns side by side, as pages read them: `FROM ${printedRows('projects', ['total'])} WHERE
 * row_kind = 'total'`. The item tables hold items only (so a column sums with no filter); their printed
 * totals are in printed_totals, one printed figure per row, and a blank printed cell comes back NULL.
 * Columns: doc_id, table_kind, row_kind, label, code, source_line, source_line_end, source_page, then
 * `columns`.
 */
export function printedRows(table: string, columns: string[]): string {
  for (const name of [table, ...columns]) if (!TABLE_NAME.test(name)) throw new Error(`Not a column or table name: ${name}`);
  const keys = 'doc_id, table_kind, row_kind, label, code, source_line, source_line_end, source_page';
  const figures = columns.map((c) => `, max(amount) FILTER (WHERE column_name = '${c}') AS "${c}"`).join('');
  return `(SELECT ${keys}${figures} FROM printed_totals WHERE table_name = '${table}' GROUP BY ${keys})`;
}

async function open(): Promise<Db> {
  let files: string[];
  try {
    files = readdirSync(DATA_DIR);
  } catch {
    throw new Error(`No published data in ${DATA_DIR}: run \`npm run data\` first.`);
  }
  const tables = files
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => f.slice(0, -'.parquet'.length))
    .filter((t) => TABLE_NAME.test(t))
    .sort();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const t of tables) {
    const path = join(DATA_DIR, `${t}.parquet`);
    await connection.run(`CREATE VIEW "${t}" AS SELECT * FROM read_parquet(${sqlString(path)})`);
  }
  return { connection, tables };
}

function db(): Promise<Db> {
  opened ??= open();
  return opened;
}

/** Plain JS for a DuckDB JS value: BigInt → number (string if beyond 2^53), Date → ISO string. */
export function toPlain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v.toString();
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return String(v);
}

/** Run SQL over the published tables and return plain row objects. */
export async function query<T = Row>(sql: string, params?: Params): Promise<T[]> {
  const { connection } = await db();
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((r) => toPlain(r) as T);
}

/**
 * The filter that keeps the documents of one city (parameter `$city`, a `city_slug`), for
 * `cityQuery`'s SQL: `... WHERE ${OF_CITY} AND ...`.
 */
export const OF_CITY = 'doc_id IN (SELECT doc_id FROM documents WHERE city_slug = $city)';

interface CityBatch { city: string; rows: Promise<Map<string, Row[]>> }
const batches = new Map<string, CityBatch>();
let cityOfDoc: Promise<Map<string, string>> | undefined;

/**
 * One document's rows of `sql`, run once for every document of that document's city.
 *
 * A city page renders every document of its city, and each section of a document needs a query
 * or two: run document by document, the 1,000-document corpus made some 25,000 queries, and their
 * fixed cost (planning, a Parquet scan each) was most of a city page's render time. `sql` selects
 * `doc_id` and keeps one city with `WHERE ${OF_CITY}`; within a document, rows come in the query's
 * order, without the `doc_id` column. Only the latest city is kept per query (pages render city
 * by city), so memory stays at one city's worth.
 */
export async function cityQuery<T = Row>(sql: string, docId: string): Promise<T[]> {
  cityOfDoc ??= query<{ doc_id: string; city_slug: string }>('SELECT doc_id, city_slug FROM documents')
    .then((rows) => new Map(rows.map((r) => [r.doc_id, r.city_slug])));
  const city = (await cityOfDoc).get(docId);
  if (city === undefined) return [];
  let batch = batches.get(sql);
  if (batch?.city !== city) {
    const rows = query(sql, { city }).then((all) => {
      const byDoc = new Map<string, Row[]>();
      for (const { doc_id: id, ...rest } of all) {
        const list = byDoc.get(String(id));
        if (list) list.push(rest);
        else byDoc.set(String(id), [rest]);
      }
      return byDoc;
    });
    batch = { city, rows };
    batches.set(sql, batch);
  }
  return ((await batch.rows).get(docId) ?? []) as T[];
}

/** The published tables (one per public/data/*.parquet), sorted by name. */
export async function tables(): Promise<string[]> {
  return [...(await db()).tables];
}

export async function hasTable(name: string): Promise<boolean> {
  return (await db()).tables.includes(name);
}
