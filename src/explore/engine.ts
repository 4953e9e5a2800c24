// DuckDB-WASM, self-hosted, in a Web Worker: lazily downloaded, loaded with the published tables,
// and cancellable by terminating the worker.
//
// - The wasm is fetched here (not by the worker) so the download can be counted against its raw
//   size from explorer.json (a compressing host's Content-Length is the compressed size), and so
//   that a restart after Cancel reuses the bytes (a blob: URL) instead of downloading again.
// - Tables are loaded from the published CSV files with the dictionary's column types
//   (registerFileBuffer + read_csv without sniffing). Parquet would need the parquet extension,
//   which the wasm bundle fetches from DuckDB's extension host; we make no request off our origin.
//   Measured in chromium (15 tables, 0.82 MB CSV): CSV with explicit types 37–48 ms,
//   Arrow IPC 27–39 ms, CSV with type sniffing 118–132 ms — and the CSV is 93 KB gzipped
//   against 144 KB for the same tables as Arrow IPC, and it is the file readers download.
// - After loading, external access and extension loading are switched off and the
//   configuration locked: a reader's query can't fetch URLs or install anything.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { ExplorerManifest, ExplorerTable } from './types.ts';
import { convertTable, type QueryResult } from './values.ts';

export type EnginePhase = 'download' | 'compile' | 'tables' | 'ready';

export interface EngineProgress {
  phase: EnginePhase;
  /** Bytes of the wasm received so far and in all (download phase). */
  loaded: number;
  total: number;
}

/** The reader pressed Cancel. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Session {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

const SQL_TYPE = { VARCHAR: 'VARCHAR', DOUBLE: 'DOUBLE', INTEGER: 'INTEGER', BOOLEAN: 'BOOLEAN' } as const;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** CREATE TABLE … AS read_csv with the dictionary's types, no sniffing; COMMENT ON for the descriptions. */
export function loadStatements(t: ExplorerTable, file: string): string[] {
  const cols = t.columns.map((c) => `${quoteString(c.name)}: ${quoteString(SQL_TYPE[c.type])}`).join(', ');
  const table = quoteIdent(t.name);
  return [
    `CREATE TABLE ${table} AS SELECT * FROM read_csv(${quoteString(file)}, header = true, delim = ',', quote = '"', escape = '"', ` +
      // allow_quoted_nulls = false: an unquoted empty field is NULL, a quoted "" stays an empty string, as in the Parquet.
      `nullstr = '', allow_quoted_nulls = false, auto_detect = false, columns = {${cols}})`,
    `COMMENT ON TABLE ${table} IS ${quoteString(`${t.zh} — ${t.en}`)}`,
    ...t.columns.map((c) => `COMMENT ON COLUMN ${table}.${quoteIdent(c.name)} IS ${quoteString(`${c.zh}${c.unit ? `（${c.unit}）` : ''} — ${c.en}`)}`),
  ];
}

export class Engine {
  private wasmUrl: string | null = null;
  private readonly csv = new Map<string, Uint8Array>();
  private booting: Promise<Session> | null = null;
  private worker: Worker | null = null;
  private download: AbortController | null = null;
  private cancelRun: ((e: Error) => void) | null = null;
  /** Bumped on every cancel: a boot that belongs to an older generation stops quietly. */
  private generation = 0;

  private readonly manifest: ExplorerManifest;
  /** Site base URL with trailing slash, e.g. "/" */
  private readonly base: string;
  private readonly onProgress: (p: EngineProgress) => void;

  constructor(manifest: ExplorerManifest, base: string, onProgress: (p: EngineProgress) => void) {
    this.manifest = manifest;
    this.base = base;
    this.onProgress = onProgress;
  }

  /** Download (once), instantiate and load the tables. Resolves when queries can run. */
  async ready(): Promise<void> {
    await this.session();
  }

  private session(): Promise<Session> {
    if (!this.booting) {
      const gen = this.generation;
      this.booting = this.boot(gen).catch((e: unknown) => {
        // Whatever a cancelled boot ran into (an aborted download, a terminated worker) is a cancel.
        throw gen === this.generation ? e : new CancelledError();
      });
      // A failed boot may be retried by the next Run, with a fresh worker.
      this.booting.catch(() => {
        if (this.generation !== gen) return;
        this.booting = null;
        this.worker?.terminate();
        this.worker = null;
      });
    }
    return this.booting;
  }

  private url(path: string): string {
    return this.base + path;
  }

  private check(gen: number): void {
    if (gen !== this.generation) throw new CancelledError();
  }

  private async fetchWasm(gen: number): Promise<string> {
    const total = this.manifest.wasm.bytes;
    this.download = new AbortController();
    const res = await fetch(this.url(this.manifest.wasm.path), { signal: this.download.signal });
    if (!res.ok || !res.body) throw new Error(`查询引擎下载失败：HTTP ${res.status}`);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    let shown = 0;
    this.onProgress({ phase: 'download', loaded, total });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      // Every 0.5 % is plenty for a progress bar (chunks come in tens of kilobytes).
      if (loaded - shown >= total / 200) {
        shown = loaded;
        this.onProgress({ phase: 'download', loaded, total: Math.max(total, loaded) });
      }
    }
    this.onProgress({ phase: 'download', loaded, total: Math.max(total, loaded) });
    this.download = null;
    this.check(gen);
    return URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/wasm' }));
  }

  private async fetchCsv(t: ExplorerTable): Promise<Uint8Array> {
    const cached = this.csv.get(t.name);
    if (cached) return cached;
    const res = await fetch(`${this.url(t.csv)}?v=${t.csvHash}`);
    if (!res.ok) throw new Error(`数据表 ${t.name} 下载失败：HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    this.csv.set(t.name, bytes);
    return bytes;
  }

  private async boot(gen: number): Promise<Session> {
    // Everything the engine needs starts downloading at once (it was one after the other): its
    // module, the wasm, the worker's script, then the tables, which are needed last (requested
    // first, 15 of them would hold the browser's connections to our origin).
    const module = import('@duckdb/duckdb-wasm');
    const wasm = this.wasmUrl ? Promise.resolve(this.wasmUrl) : this.fetchWasm(gen);
    const worker = new Worker(this.url(this.manifest.worker.path));
    this.worker = worker;
    const csvs = Promise.all(this.manifest.tables.map((t) => this.fetchCsv(t)));
    for (const p of [module, wasm, csvs]) p.catch(() => {});
    const duckdb = await module;
    this.check(gen);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    this.wasmUrl ??= await wasm;
    this.check(gen);
    const total = this.manifest.wasm.bytes;
    this.onProgress({ phase: 'compile', loaded: total, total });
    await db.instantiate(this.wasmUrl);
    this.check(gen);
    await db.open({});
    const conn = await db.connect();
    this.onProgress({ phase: 'tables', loaded: total, total });
    const buffers = await csvs;
    this.check(gen);
    for (const [i, t] of this.manifest.tables.entries()) {
      const file = `${t.name}.csv`;
      // registerFileBuffer transfers the buffer to the worker: give it a copy, keep ours for restarts.
      await db.registerFileBuffer(file, buffers[i]!.slice());
      // One round trip per table: the statements run as one script.
      await conn.query(loadStatements(t, file).join(';\n'));
    }
    await db.dropFiles();
    await conn.query([
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      'SET enable_external_access = false',
      'SET errors_as_json = true',
      'SET lock_configuration = true',
    ].join(';\n'));
    this.check(gen);
    this.onProgress({ phase: 'ready', loaded: total, total });
    return { db, conn };
  }

  /** Run one query (or a script: the last statement's result is returned). */
  async run(sql: string): Promise<QueryResult> {
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelRun = reject;
    });
    try {
      const { conn } = await Promise.race([this.session(), cancelled]);
      const t0 = performance.now();
      const table = await Promise.race([conn.query(sql), cancelled]);
      const ms = performance.now() - t0;
      return convertTable(table, ms);
    } finally {
      this.cancelRun = null;
    }
  }

  /**
   * Stop whatever the engine is doing, at once: terminate the worker (a running query can't be
   * interrupted otherwise), then start a fresh one in the background if the wasm is already here.
   * Returns whether it restarts (false: the download was cut short; the next run starts over).
   */
  cancel(): boolean {
    this.generation++;
    this.download?.abort();
    this.download = null;
    this.worker?.terminate();
    this.worker = null;
    this.booting = null;
    this.cancelRun?.(new CancelledError());
    this.cancelRun = null;
    if (!this.wasmUrl) return false;
    this.session().catch(() => {});
    return true;
  }
}
