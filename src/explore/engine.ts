// DuckDB-WASM, self-hosted, in a Web Worker: lazily downloaded, loaded with the published tables,
// and cancellable by terminating the worker.
//
// - The wasm is handed to DuckDB by its own URL: the worker streams it, compiling while it downloads
//   (a 34 MB module takes seconds to compile; it used to wait for the whole download), and reports
//   the bytes received for the progress bar (counted against the raw size from explorer.json: a
//   compressing host's Content-Length is the compressed size; from the HTTP cache the bar fills at
//   once). The background download (prefetch(), before any Run) is read here only to fill the HTTP
//   cache; when the response may not be kept (`Cache-Control: no-store`), DuckDB gets a blob: URL
//   of those bytes instead, so the 7.7 MB never cross the network twice.
// - Tables are loaded from the published CSV files with the dictionary's column types
//   (registerFileBuffer + read_csv without sniffing). Parquet would need the parquet extension,
//   which the wasm bundle fetches from DuckDB's extension host; we make no request off our origin.
//   Measured in chromium (15 tables, 0.82 MB CSV): CSV with explicit types 37–48 ms,
//   Arrow IPC 27–39 ms, CSV with type sniffing 118–132 ms — and the CSV is 93 KB gzipped
//   against 144 KB for the same tables as Arrow IPC, and it is the file readers download.
// - Only the tables a query names are downloaded and loaded before it runs (tableRefs.ts); the
//   others when a later query names them. The first canned question needs one table of 15.
// - Before any reader's query, external access and extension loading are switched off and the
//   configuration locked: a query can't fetch URLs or install anything. The published CSVs are
//   registered as files in the worker's memory and named in `allowed_paths`, so a table named
//   later can still be read from its CSV (and readers may read those public files, nothing else).
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tablesNamed } from './tableRefs.ts';
import type { ExplorerManifest, ExplorerTable } from './types.ts';
import { convertTable, type QueryResult } from './values.ts';

export type EnginePhase = 'download' | 'compile' | 'tables' | 'ready';

export interface EngineProgress {
  phase: EnginePhase;
  /** Bytes of the wasm received so far and in all (download phase). */
  loaded: number;
  total: number;
  /** Tables being loaded (tables phase). */
  tables?: number;
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
  /** Tables created in this session (a restart after Cancel starts with none). */
  loaded: Set<string>;
}

const csvFile = (t: ExplorerTable) => `${t.name}.csv`;

const SQL_TYPE = { VARCHAR: 'VARCHAR', DOUBLE: 'DOUBLE', INTEGER: 'INTEGER', BOOLEAN: 'BOOLEAN' } as const;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** CREATE TABLE … AS read_csv with the dictionary's types, no sniffing; COMMENT ON for the descriptions (one script: one round trip to the worker for every table loaded together). */
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
  /** The wasm on its way (started by prefetch() or by the first boot), for the generation it belongs to. */
  private wasmDownload: { gen: number; url: Promise<string> } | null = null;
  private duckdbModule: Promise<typeof import('@duckdb/duckdb-wasm')> | null = null;
  private readonly csv = new Map<string, Promise<Uint8Array>>();
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

  /** Download (once) and instantiate the engine. Resolves when queries can run. */
  async ready(): Promise<void> {
    await this.session([]);
  }

  /** `first`: the tables to load with the engine when it starts now (the query that starts it). */
  private session(first: readonly ExplorerTable[]): Promise<Session> {
    if (!this.booting) {
      const gen = this.generation;
      this.booting = this.boot(gen, first).catch((e: unknown) => {
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

  private wasmHref(): string {
    return new URL(this.url(this.manifest.wasm.path), location.href).href;
  }

  /** The background download: the wasm's URL once the HTTP cache holds it, or a blob: URL of the bytes. */
  private async fetchWasm(gen: number): Promise<string> {
    const url = this.wasmHref();
    this.download = new AbortController();
    const res = await fetch(url, { signal: this.download.signal });
    if (!res.ok || !res.body) throw new Error(`查询引擎下载失败：HTTP ${res.status}`);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    const counter = this.progressCounter();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      counter(loaded);
    }
    counter(loaded, true);
    this.download = null;
    this.check(gen);
    // What the response allows the browser to keep: a cached response is read again by the worker.
    return /no-store/i.test(res.headers.get('cache-control') ?? '') ? URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/wasm' })) : url;
  }

  /** Reports bytes of the wasm received, every 0.5 % (plenty for a progress bar; chunks come in tens of kilobytes). */
  private progressCounter(): (loaded: number, last?: boolean) => void {
    const total = this.manifest.wasm.bytes;
    let shown = -1;
    return (loaded, last = false) => {
      if (!last && shown >= 0 && loaded - shown < total / 200) return;
      shown = loaded;
      this.onProgress({ phase: 'download', loaded, total: Math.max(total, loaded) });
    };
  }

  /** Each table's CSV, downloaded once per page (kept for a restart after Cancel); a failed download is tried again next time. */
  private fetchCsv(t: ExplorerTable): Promise<Uint8Array> {
    let bytes = this.csv.get(t.name);
    if (!bytes) {
      bytes = fetch(`${this.url(t.csv)}?v=${t.csvHash}`).then(async (res) => {
        if (!res.ok) throw new Error(`数据表 ${t.name} 下载失败：HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      });
      this.csv.set(t.name, bytes);
      bytes.catch(() => this.csv.delete(t.name));
    }
    return bytes;
  }

  private downloadWasm(gen: number): Promise<string> {
    if (this.wasmDownload?.gen !== gen) {
      const download = { gen, url: this.fetchWasm(gen) };
      this.wasmDownload = download;
      download.url.catch(() => {
        if (this.wasmDownload === download) this.wasmDownload = null;
      });
    }
    return this.wasmDownload.url;
  }

  /**
   * Start downloading what the first run of `sql` will need (DuckDB's module, the wasm, the tables
   * it names) without starting the engine: no worker, nothing compiled, nothing run.
   */
  prefetch(sql: string): void {
    this.duckdbModule ??= import('@duckdb/duckdb-wasm');
    this.duckdbModule.catch(() => {});
    if (!this.wasmUrl) this.downloadWasm(this.generation).catch(() => {});
    for (const t of this.tablesFor(sql)) this.fetchCsv(t).catch(() => {});
  }

  private async boot(gen: number, first: readonly ExplorerTable[]): Promise<Session> {
    // Everything the engine needs starts downloading at once: its module, the wasm, the worker's
    // script (the HTML preloads the first two), and the first query's tables, needed last.
    const module = this.duckdbModule ??= import('@duckdb/duckdb-wasm');
    // A background download under way (or done) is waited for; otherwise the worker fetches the wasm.
    const href = this.wasmHref();
    const wasm: Promise<{ url: string; streamed: boolean }> = this.wasmUrl ? Promise.resolve({ url: this.wasmUrl, streamed: false })
      : this.wasmDownload?.gen === gen ? this.wasmDownload.url.then((url) => ({ url, streamed: false }))
      : Promise.resolve({ url: href, streamed: true });
    const worker = new Worker(this.url(this.manifest.worker.path));
    this.worker = worker;
    for (const t of first) this.fetchCsv(t).catch(() => {});
    for (const p of [module, wasm]) p.catch(() => {});
    const duckdb = await module;
    this.check(gen);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const { url: wasmUrl, streamed } = await wasm;
    this.check(gen);
    const total = this.manifest.wasm.bytes;
    if (streamed) {
      const counter = this.progressCounter();
      counter(0);
      await db.instantiate(wasmUrl, null, (p) => counter(p.bytesLoaded));
    } else {
      this.onProgress({ phase: 'compile', loaded: total, total });
      await db.instantiate(wasmUrl);
    }
    this.wasmUrl = wasmUrl;
    this.check(gen);
    await db.open({});
    const conn = await db.connect();
    await conn.query([
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `SET allowed_paths = [${this.manifest.tables.map((t) => quoteString(csvFile(t))).join(', ')}]`,
      'SET enable_external_access = false',
      'SET errors_as_json = true',
      'SET lock_configuration = true',
    ].join(';\n'));
    const session: Session = { db, conn, loaded: new Set() };
    await this.load(session, first, gen);
    this.onProgress({ phase: 'ready', loaded: total, total });
    return session;
  }

  /** Download (once per page) and create the tables not yet in the session, all in one script. */
  private async load(session: Session, tables: readonly ExplorerTable[], gen: number): Promise<void> {
    const missing = tables.filter((t) => !session.loaded.has(t.name));
    if (missing.length === 0) return;
    const total = this.manifest.wasm.bytes;
    this.onProgress({ phase: 'tables', loaded: total, total, tables: missing.length });
    const buffers = await Promise.all(missing.map((t) => this.fetchCsv(t)));
    this.check(gen);
    // registerFileBuffer transfers the buffer to the worker: give it a copy, keep ours for restarts.
    await Promise.all(missing.map((t, i) => session.db.registerFileBuffer(csvFile(t), buffers[i]!.slice())));
    await session.conn.query(missing.flatMap((t) => loadStatements(t, csvFile(t))).join(';\n'));
    for (const t of missing) {
      session.loaded.add(t.name);
      await session.db.dropFile(csvFile(t));
    }
    this.check(gen);
  }

  private tablesFor(sql: string): ExplorerTable[] {
    const named = tablesNamed(sql, this.manifest.tables.map((t) => t.name));
    return named === null ? this.manifest.tables : this.manifest.tables.filter((t) => named.includes(t.name));
  }

  /** Run one query (or a script: the last statement's result is returned). */
  async run(sql: string): Promise<QueryResult> {
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelRun = reject;
    });
    try {
      const gen = this.generation;
      const needed = this.tablesFor(sql);
      const session = await Promise.race([this.session(needed), cancelled]);
      await Promise.race([this.load(session, needed, gen), cancelled]);
      const t0 = performance.now();
      let table;
      try {
        table = await Promise.race([session.conn.query(sql), cancelled]);
      } catch (e) {
        // A table the text did not reveal (a name built at run time): load them all, ask again.
        const all = this.manifest.tables;
        if (e instanceof CancelledError || !/"exception_type":"Catalog"|Catalog Error/.test(String(e)) || all.every((t) => session.loaded.has(t.name))) throw e;
        await Promise.race([this.load(session, all, gen), cancelled]);
        table = await Promise.race([session.conn.query(sql), cancelled]);
      }
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
    this.wasmDownload = null;
    this.worker?.terminate();
    this.worker = null;
    this.booting = null;
    this.cancelRun?.(new CancelledError());
    this.cancelRun = null;
    if (!this.wasmUrl) return false;
    this.session([]).catch(() => {});
    return true;
  }
}
