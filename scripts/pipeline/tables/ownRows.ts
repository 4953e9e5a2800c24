// The rows of a section that belong to its own table.
import type { Line, Section } from '../types.ts';
import { normText } from '../text.ts';
import { hasAmount } from './rows.ts';

/** A title of a table, or its number: `财政拨款支出预算表（功能科目）`, `公开05表`. */
const TITLE_LIKE = /^(公开\d+表|[^，。；：:]{2,40}表([（(][^（()）]{1,8}[)）])?)$/;

/**
 * A PDF section runs on to the next title the templates name, so a table they do not name is read
 * as part of the one above it (Jiangsu prints 财政拨款支出预算表（功能科目）right after its
 * 财政拨款收支预算总表, and 政府采购支出预算表 after its 机关运行经费支出预算表). The section's own
 * rows stop at the first title-like line without cells after its first row of figures.
 */
export function ownRows(section: Section): Line[] {
  const first = section.rows.find((r) => hasAmount(r.cells));
  if (!first) return section.rows;
  const stop = section.notes.find((l) => l.n > first.n && !/^注/.test(normText(l.cells.join(''))) && TITLE_LIKE.test(normText(l.cells.join('')).replace(/\s+/g, '')));
  return stop ? section.rows.filter((r) => r.n < stop.n) : section.rows;
}
