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

/** The published tables (one per public/data/*.parquet), sorted by name. */
export async function tables(): Promise<string[]> {
  return [...(await db()).tables];
}

export async function hasTable(name: string): Promise<boolean> {
  return (await db()).tables.includes(name);
}
