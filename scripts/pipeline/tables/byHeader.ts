// Reading a table by what its header says, for layouts that keep every cell in its column (PDF):
// each column's header is the path of header cells above it (a merged cell stands in the first
// column it spans and covers the empty ones after it), and the template's column names
// (templates/columns.ts) say which published column it is. Label columns (codes, names) are the
// ones left of the first amount column.
import type { Line } from '../types.ts';
import { normCode, normText, parseAmount } from '../text.ts';
import type { ColumnName } from '../templates/columns.ts';

const DECIMAL_AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(,\d{3})+$/;
const INTEGER = /^-?\d+$/;
/** Lines above a table that are not its header: 编制部门：… 单位：元, 公开 01 表. */
const NOT_HEADER = /单位[:：]|编制(部门|单位)|部门名称|^公开\d+表$/;

export interface HeaderLayout {
  /** Published column of each amount column (by cell index). */
  fields: Map<number, string>;
  /** Code cells (类/款/项 split, or one 科目编码 cell), left to right. */
  codeCols: number[];
  nameCol: number;
  /** Rows below the first header, without repeated headers. */
  body: Line[];
  /** Each column's header path, for messages. */
  paths: string[];
}

function isDataRow(cells: string[]): boolean {
  return cells.some((c) => DECIMAL_AMOUNT.test(c.trim()));
}

/** The text a column's header says, with a 决算 table's 决算数 leaf read as its parent's name. */
function leafOf(path: string[]): { leaf: string; budgetColumn: boolean } {
  const leaf = path.at(-1) ?? '';
  if (/^(决算数|执行数)$/.test(leaf) && path.length > 1) return { leaf: path.at(-2)!, budgetColumn: false };
  const budgetColumn = /^(预算数|年初预算数|全年预算数)$/.test(leaf) && path.length > 1;
  return { leaf: budgetColumn ? path.at(-2)! : leaf, budgetColumn };
}

/**
 * The layout of a section's columns, or null when its header does not name the columns the
 * reader needs (`required`): then the table is reported unread, never guessed.
 */
export function headerLayout(rows: Line[], names: ColumnName[], required: string[], side: 'actual' | 'budget' = 'actual'): HeaderLayout | null {
  const first = rows.findIndex((r) => isDataRow(r.cells));
  if (first < 0) return null;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const header = rows.slice(0, first).filter((r) => !NOT_HEADER.test(r.cells.join('').replace(/\s+/g, '')));
  const paths: string[][] = Array.from({ length: width }, () => []);
  const own: boolean[][] = Array.from({ length: width }, () => []);
  for (const r of header) {
    let carry = '';
    for (let i = 0; i < width; i++) {
      const t = normText(r.cells[i] ?? '');
      if (t) { carry = t; paths[i]!.push(t); own[i]!.push(true); }
      else if (carry) { paths[i]!.push(carry); own[i]!.push(false); }
    }
  }
  // A column's own deepest text is its leaf; a column under a merged cell only, the merged text.
  const leafPath = paths.map((p, i) => {
    const lastOwn = own[i]!.lastIndexOf(true);
    return lastOwn >= 0 ? p.slice(0, lastOwn + 1) : p;
  });
  const fields = new Map<number, string>();
  const taken = new Set<string>();
  for (const n of names) {
    if (taken.has(n.column)) continue;
    for (let i = 0; i < width; i++) {
      if (fields.has(i)) continue;
      const { leaf, budgetColumn } = leafOf(leafPath[i]!);
      // A 决算 prints 预算数 beside each 决算数: the actual side reads the one, the budget side the other.
      if (budgetColumn !== (side === 'budget') || !n.leaf.test(leaf)) continue;
      if (n.path && !n.path.test(paths[i]!.join('/'))) continue;
      fields.set(i, n.column);
      taken.add(n.column);
      break;
    }
  }
  if (!required.every((c) => taken.has(c))) return null;
  const firstAmount = Math.min(...fields.keys());
  const labels = Array.from({ length: firstAmount }, (_, i) => i);
  const body = rows.slice(first).filter((r) => isDataRow(r.cells) || labels.some((i) => INTEGER.test((r.cells[i] ?? '').trim())) || /^(合计|总计)$/.test(normText(r.cells.slice(0, firstAmount).join(''))));
  // Code columns: their header says 类/款/项/编码, or every body cell in them is digits.
  const codeCols = labels.filter((i) => /类|款|项$|编码|代码/.test(leafPath[i]!.at(-1) ?? '')
    || (body.some((r) => (r.cells[i] ?? '').trim()) && body.every((r) => { const c = normText(r.cells[i] ?? ''); return c === '' || INTEGER.test(c) || /^(合计|总计)$/.test(c); })));
  const nameCol = labels.filter((i) => !codeCols.includes(i)).at(-1) ?? firstAmount - 1;
  return { fields, codeCols: codeCols.filter((i) => i !== nameCol), nameCol, body, paths: paths.map((p) => p.join('/')) };
}

/** A body row's label cells: its code (the code cells joined), its name, and whether it is the 合计 row. */
export function rowLabel(layout: HeaderLayout, r: Line): { code: string; name: string; total: boolean } {
  const code = normCode(layout.codeCols.map((i) => normText(r.cells[i] ?? '')).join(''));
  const name = normText(r.cells[layout.nameCol] ?? '');
  const total = /^(合计|总计)$/.test(name) || /^(合计|总计)$/.test(normText(r.cells.slice(0, layout.nameCol + 1).join('')));
  return { code: /^\d+$/.test(code) ? code : '', name, total };
}

/** A body row's amounts by published column; a cell that is not an amount is an error naming its line and column. */
export function amountsOf(layout: HeaderLayout, r: Line): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const [i, column] of layout.fields) {
    try {
      values[column] = parseAmount(r.cells[i]);
    } catch (e) {
      throw Object.assign(new Error(`${(e as Error).message} in the column "${layout.paths[i]}"`), { line: r.n });
    }
  }
  return values;
}
