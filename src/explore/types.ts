// Shapes shared by the build step (scripts/explorer.ts), the page and the client code.

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

export interface ExplorerColumn {
  name: string;
  type: ColumnType;
  zh: string;
  en: string;
  unit?: string;
}

export interface ExplorerTable {
  name: string;
  zh: string;
  en: string;
  /** Row count from datapackage.json (-1 if unknown). */
  rows: number;
  /** Site-relative path (no leading slash) of the published CSV the engine loads. */
  csv: string;
  csvBytes: number;
  /** sha256 prefix of the CSV: appended as ?v= so a changed file is never served from a stale cache. */
  csvHash: string;
  /** Site-relative path of the published Parquet (the download format). */
  parquet: string;
  columns: ExplorerColumn[];
}

/** A file of the engine: site-relative path, raw size, size of its brotli copy (`<path>.br`). */
export interface EngineFile {
  path: string;
  bytes: number;
  brotliBytes: number;
}

/** public/explore-assets/explorer.json */
export interface ExplorerManifest {
  duckdbVersion: string;
  /** datapackage.json's version (build date + hash of the inputs): cited under every chart the explorer draws. */
  dataVersion: string;
  /** Site-relative paths (no leading slash) and raw byte sizes of the self-hosted engine. */
  wasm: EngineFile;
  worker: EngineFile;
  tables: ExplorerTable[];
}
