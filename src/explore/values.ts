// Arrow result (from DuckDB-WASM) → plain cells. Loaded with the engine, not with the page.
import { DataType } from 'apache-arrow';
import type { Table, Field } from 'apache-arrow';
import type { Cell, Kind, QueryResult, ResultColumn } from './format.ts';

export type { QueryResult } from './format.ts';

function kindOf(type: DataType): Kind {
  if (DataType.isDictionary(type)) return kindOf(type.dictionary);
  if (DataType.isInt(type)) return 'int';
  if (DataType.isFloat(type)) return 'float';
  if (DataType.isDecimal(type)) return 'decimal';
  if (DataType.isBool(type)) return 'bool';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
  return 'other';
}

/** Unscaled integer digits and a scale → exact decimal string: ("-19020", 2) → "-190.20". */
export function decimalString(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled;
  const neg = unscaled.startsWith('-');
  const digits = (neg ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function jsonish(v: unknown): string {
  const plain = (x: unknown): unknown => {
    if (x === null || x === undefined) return null;
    if (typeof x === 'bigint') return Number.isSafeInteger(Number(x)) ? Number(x) : x.toString();
    if (x instanceof Uint8Array) return `\\x${Array.from(x, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (typeof x === 'object' && x !== null && 'toJSON' in x && typeof (x as { toJSON: unknown }).toJSON === 'function') {
      return plain((x as { toJSON(): unknown }).toJSON());
    }
    if (Array.isArray(x)) return x.map(plain);
    if (typeof x === 'object') return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, plain(y)]));
    return x;
  };
  const p = plain(v);
  return typeof p === 'string' ? p : JSON.stringify(p);
}

function isoDate(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return withTime ? iso.replace('T', ' ').replace(/\.000Z$|Z$/, '') : iso.slice(0, 10);
}

function cellOf(v: unknown, kind: Kind, field: Field): Cell {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'int':
      if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
      return Number(v);
    case 'float':
      return Number(v);
    case 'decimal': {
      const scale = (field.type as { scale?: number }).scale ?? 0;
      return decimalString(String(v), scale);
    }
    case 'bool':
      return Boolean(v);
    case 'date':
      return typeof v === 'number' ? isoDate(v, false) : v instanceof Date ? isoDate(v.getTime(), false) : String(v);
    case 'timestamp':
      return typeof v === 'number' ? isoDate(v, true) : typeof v === 'bigint' ? isoDate(Number(v), true) : String(v);
    case 'text':
      return String(v);
    default:
      return jsonish(v);
  }
}

export function convertTable(table: Table, ms: number): QueryResult {
  const fields = table.schema.fields;
  const columns: ResultColumn[] = fields.map((f) => ({ name: f.name, kind: kindOf(f.type), type: String(f.type) }));
  const n = table.numRows;
  const rows: Cell[][] = Array.from({ length: n }, () => new Array<Cell>(fields.length));
  fields.forEach((f, j) => {
    const vec = table.getChildAt(j);
    const kind = columns[j]!.kind;
    if (!vec) return;
    for (let i = 0; i < n; i++) rows[i]![j] = cellOf(vec.get(i), kind, f);
  });
  return { columns, rows, ms };
}
