// 财政拨款收支总体情况表 (财政拨款收支预算总表, 财政拨款收入支出决算总表) → fiscal_summary: a statement
// like the 部门收支总体情况表, income on the left (one amount each) and expenditure on the right,
// whose amounts are split by source (一般公共预算, 其中：财政拨款, 政府性基金 …). The expenditure
// columns are read by their printed headers, so the Henan texts, the PDFs of other templates and
// the reflowed layout's rebuilt rows go through the same reader.
import type { Line, OutRow, TableModule } from '../types.ts';
import { isAmount, normText, parseAmount } from '../text.ts';
import { FISCAL_COLUMNS } from '../templates/columns.ts';
import { amountsOf, headerLayout } from './byHeader.ts';
import { ownRows } from './ownRows.ts';
import { hasAmount, stripNumbering } from './rows.ts';

/** Expenditure amount columns other than `amount` (合计), in the order the templates print them. */
export const FISCAL_SOURCES = ['general_budget', 'fiscal_appropriation', 'superior_transfer', 'gov_fund', 'state_capital', 'special_account', 'unit_funds'] as const;

const SOURCE_DOCS: Record<(typeof FISCAL_SOURCES)[number], [string, string]> = {
  general_budget: ['支出·一般公共预算（小计）', 'expenditure: general public budget (subtotal)'],
  fiscal_appropriation: ['支出·一般公共预算·其中：财政拨款', 'expenditure: general public budget, of which fiscal appropriation'],
  superior_transfer: ['支出·一般公共预算·其中：上级专项转移支付安排支出', 'expenditure: general public budget, of which earmarked transfers from the higher level'],
  gov_fund: ['支出·政府性基金预算', 'expenditure: government funds'],
  state_capital: ['支出·国有资本经营预算', 'expenditure: state capital operation budget'],
  special_account: ['支出·财政专户管理资金收入（焦作所印）', 'expenditure: fiscal special account funds (as 焦作 prints it)'],
  unit_funds: ['支出·单位资金（焦作所印）', 'expenditure: unit’s own funds (as 焦作 prints it)'],
};

/** Header words of a head row printed again after a page break. */
const HEAD_WORD = /^(收入|支出|项目|项目名称|财政拨款收入|财政拨款支出)?$/;

function rowKind(label: string): string {
  const t = normText(label);
  if (/^其中/.test(t)) return 'of_which';
  if (/(上年|年终|年初|年末)(财政拨款)?结转/.test(t)) return 'carryover';
  if (/总计/.test(t)) return 'grand_total';
  if (/合计|小计/.test(t)) return 'total';
  return 'item';
}

/** 一、 → 1, （一） → 2: the statement's two levels (一、本年收入 over （一）一般公共预算拨款). */
function levelOf(label: string): number | null {
  const t = normText(label);
  if (/^[一二三四五六七八九十]+、/.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  return null;
}

/** Label columns: those whose cells below the head are mostly text (income first, then expenditure). */
function labelColumns(body: Line[]): number[] {
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const cells = body.map((r) => normText(r.cells[i] ?? '')).filter((c) => c !== '');
    if (cells.length > 0 && cells.filter((c) => !isAmount(c)).length * 2 > cells.length) out.push(i);
  }
  return out;
}

export const fiscalSummary: TableModule = {
  standards: ['fiscal'],
  schemas: [{
    name: 'fiscal_summary', zh: '财政拨款收支总体情况表（财政拨款收支预算总表）', en: 'Fiscal appropriation income and expenditure overview',
    columns: [
      { name: 'side', type: 'VARCHAR', zh: '收入或支出（income/expenditure；江苏按支出用途列支出：expenditure_by_use）', en: 'income or expenditure side (Jiangsu lists expenditure by use: expenditure_by_use)' },
      { name: 'seq', type: 'INTEGER', zh: '该侧的行序（从 1 起）', en: 'order of the line within its side, from 1' },
      { name: 'item', type: 'VARCHAR', zh: '项目（去掉编号）', en: 'item label without its numbering (一、/（一）)' },
      { name: 'item_label', type: 'VARCHAR', zh: '项目（按原文）', en: 'item label as printed' },
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 项目、of_which 其中、total 合计、carryover 结转结余、grand_total 总计', en: 'item, of_which (其中), total (合计), carryover (结转结余) or grand_total (总计)' },
      { name: 'level', type: 'INTEGER', zh: '编号层级：1 为“一、”，2 为“（一）”，未编号为空', en: 'numbering level: 1 for 一、, 2 for （一）, NULL when unnumbered' },
      { name: 'amount', type: 'DOUBLE', zh: '金额（收入：金额；支出：合计）', en: 'amount (income: the amount; expenditure: the 合计 column)', unit: '万元' },
      ...FISCAL_SOURCES.map((c) => ({ name: c, type: 'DOUBLE' as const, zh: SOURCE_DOCS[c][0], en: SOURCE_DOCS[c][1], unit: '万元' })),
    ],
  }],
  parse(section): Record<string, OutRow[]> {
    const rows = ownRows(section);
    const first = rows.findIndex((r) => hasAmount(r.cells));
    if (first < 0) return {};
    const body = rows.slice(first);
    const [incomeAt, expenditureAt] = labelColumns(body);
    if (incomeAt === undefined || expenditureAt === undefined) return {};
    // The expenditure columns by their headers; a header naming no 合计 leaves the table unread.
    const slice = (r: Line): Line => ({ n: r.n, cells: r.cells.slice(expenditureAt) });
    const layout = headerLayout(rows.map(slice), FISCAL_COLUMNS, ['total']);
    if (!layout) return {};
    const head = rows.slice(0, first).map((r) => r.cells.join('')).join('') + section.notes.filter((l) => l.n < rows[first]!.n).map((l) => l.cells.join('')).join('');
    const expenditureSide = /支出用途/.test(head.replace(/\s+/g, '')) ? 'expenditure_by_use' : 'expenditure';
    const out: OutRow[] = [];
    const seq: Record<string, number> = {};
    const push = (r: Line, side: string, label: string, values: Record<string, number | null>) => {
      seq[side] = (seq[side] ?? 0) + 1;
      out.push({
        source_line: r.n, source_line_end: null, side, seq: seq[side], item: stripNumbering(label), item_label: normText(label),
        row_kind: rowKind(label), level: levelOf(label), amount: null, ...Object.fromEntries(FISCAL_SOURCES.map((c) => [c, null])), ...values,
      });
    };
    for (const r of body) {
      const income = normText(r.cells[incomeAt] ?? '');
      const expenditure = normText(r.cells[expenditureAt] ?? '');
      if (!hasAmount(r.cells) && HEAD_WORD.test(income) && HEAD_WORD.test(expenditure)) continue; // a head printed again
      if (income) {
        try {
          push(r, 'income', income, { amount: parseAmount(r.cells[incomeAt + 1]) });
        } catch (e) {
          throw Object.assign(new Error(`${(e as Error).message} in the income column`), { line: r.n });
        }
      }
      if (expenditure) {
        const { total, ...sources } = amountsOf(layout, slice(r));
        push(r, expenditureSide, expenditure, { amount: total ?? null, ...sources });
      }
    }
    return { fiscal_summary: out };
  },
};
