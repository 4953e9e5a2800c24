// 部门（单位）整体绩效目标表 / 市级部门整体绩效目标申报表 → dept_indicators, tasks, dept_budget_overview.
//
// The form has four blocks, one after another: the head (部门名称, 年度履职目标 / 年度总体目标),
// 年度主要任务 (one row per task), 预算情况 (部门预算总额, 资金来源, 资金结构; 2023/2024 forms only) and
// the indicator grid (一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值说明 [| 指标说明]).
//
// The PDF conversion shifted some rows by a column (a cell printed one column left or right of
// where it belongs, or a level name landing in the 一级指标 column). Cells never change order,
// so an indicator row is read as an order-preserving assignment of its non-empty cells to the
// roles level1, level2, level3, value, description, note; every possible assignment is scored by
// what the cells say (a known 一级指标, a target such as `≥95%` or `合理`, a sentence) and, as a
// tie-breaker, by how far each cell sits from its role's column. level1 / level2 are carried down.
import type { Line, OutRow, ParseContext, Section, TableModule, TableSchema } from '../types.ts';
import { InputError } from '../types.ts';
import { isAmount, joinText, normText, parseAmount, parseTarget } from '../text.ts';

// ---------------------------------------------------------------------------------------------
// Schemas

export const schemas: TableSchema[] = [
  {
    name: 'dept_indicators', zh: '部门整体绩效目标表：绩效指标', en: 'Department performance indicators (整体绩效目标表 indicator grid)',
    columns: [
      { name: 'level1', type: 'VARCHAR', zh: '一级指标（表上只印在组的第一行，已向下填充）', en: 'first-level indicator (printed on the first row of its group only; carried down)' },
      { name: 'level2', type: 'VARCHAR', zh: '二级指标（已向下填充）', en: 'second-level indicator (carried down)' },
      { name: 'level3', type: 'VARCHAR', zh: '三级指标', en: 'third-level indicator (the indicator itself)' },
      { name: 'target_text', type: 'VARCHAR', zh: '指标值（按原文，规范空白）；未填为空', en: 'target as printed (whitespace normalised); null when the form leaves it blank' },
      { name: 'comparator', type: 'VARCHAR', zh: '指标值的比较符（≥ ≤ > < =），无则为空', en: 'comparator of the target (≥ ≤ > < =), null when none is printed' },
      { name: 'target_value', type: 'DOUBLE', zh: '指标值中的数值，定性指标为空', en: 'numeric part of the target; null for qualitative targets such as 合理' },
      { name: 'target_unit', type: 'VARCHAR', zh: '指标值的计量单位（如 %、元）', en: 'unit of the target (e.g. %, 元)' },
      { name: 'description', type: 'VARCHAR', zh: '指标值说明（2020 年表式为“指标解释”）', en: 'explanation of the indicator (指标值说明; 指标解释 in the 2020 form)' },
      { name: 'note', type: 'VARCHAR', zh: '指标说明（仅 2020 年表式有此栏，多为计算公式）', en: 'further note on the indicator (指标说明, only in the 2020 form; mostly the formula)' },
    ],
  },
  {
    name: 'tasks', zh: '部门整体绩效目标表：年度主要任务', en: 'Main tasks of the year (整体绩效目标表)',
    columns: [
      { name: 'task_no', type: 'VARCHAR', zh: '任务编号（如“任务5”，仅 2020 年表式有）', en: 'task number as printed (e.g. 任务5; 2020 form only)' },
      { name: 'task_name', type: 'VARCHAR', zh: '任务名称', en: 'task name' },
      { name: 'description', type: 'VARCHAR', zh: '主要内容（2020 年表式印在最后一栏“备注”下）', en: 'main content of the task (in the 2020 form printed in the last column, headed 备注)' },
      { name: 'amount_total', type: 'DOUBLE', zh: '预算资金合计（表式未列金额时为空）', en: 'budget funds, total (null when the form prints no amounts)', unit: '万元' },
      { name: 'amount_fiscal', type: 'DOUBLE', zh: '预算资金其中：财政资金（表式未列金额时为空）', en: 'of which fiscal funds (null when the form prints no amounts)', unit: '万元' },
    ],
  },
  {
    name: 'dept_budget_overview', zh: '部门整体绩效目标表：预算情况', en: 'Budget overview printed in the 整体绩效目标表',
    columns: [
      { name: 'category', type: 'VARCHAR', zh: '分组：资金来源、资金结构；部门预算总额行为空', en: 'category: 资金来源 (sources of funds) or 资金结构 (structure); null on the 部门预算总额 row' },
      { name: 'item', type: 'VARCHAR', zh: '项目（去掉编号与单位注记）', en: 'item without its numbering and unit note (部门预算总额, 政府预算资金, 基本支出 …)' },
      { name: 'amount', type: 'DOUBLE', zh: '金额（未填为空）', en: 'amount (null when left blank)', unit: '万元' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Cell content

/** 一级指标 of the Henan department forms (2020 申报表 and 2023/2024 目标表). */
const KNOWN_LEVEL1 = new Set([
  '投入管理指标', '产出指标', '效益指标', '满意度指标', '成本指标',
  '履职效能', '管理效率', '运行成本', '服务满意', '可持续性',
]);
// Bare 满意度 is a 二级指标 (under 效益指标) in the 2023/2024 forms, so it is not listed above.

/** `≥95%`, `100%`, `≤450元`, `0`: a number with at most a short unit (not `1.工作任务是否…`). */
function isTarget(t: string): boolean {
  const p = parseTarget(t);
  return p.value !== null && (p.unit === null || (p.unit.length <= 4 && !/^[.．、]|[。；;，,：:=]/.test(p.unit)));
}

function isSentence(t: string): boolean {
  if (isTarget(t)) return false;
  return /[。；;，,：:=？！]/.test(t) || t.length > 20 || /^反映|是否/.test(t);
}

function isFormula(t: string): boolean {
  return /[=＝]|计算公式/.test(t);
}

/** Score of a word as an indicator name: very short words are targets (合理, 明显), long ones names. */
function nameScore(t: string): number {
  if (isTarget(t) || isSentence(t)) return -6;
  if (KNOWN_LEVEL1.has(t)) return -4;
  if (t.length <= 2) return -2;
  return t.length >= 5 ? 1 : 0;
}

export type Role = 'level1' | 'level2' | 'level3' | 'value' | 'description' | 'note';
export const ROLE_COL: Record<Role, number> = { level1: 0, level2: 1, level3: 2, value: 3, description: 4, note: 5 };
const ROLE_ZH: Record<Role, string> = { level1: '一级指标', level2: '二级指标', level3: '三级指标', value: '指标值', description: '说明', note: '指标说明' };

function roleScore(role: Role, t: string, hasNote: boolean): number {
  switch (role) {
    case 'level1':
      return KNOWN_LEVEL1.has(t) ? 3 : isTarget(t) || isSentence(t) ? -6 : -4;
    case 'level2':
      return nameScore(t) - (/[率性]$/.test(t) ? 1 : 0);
    case 'level3':
      return nameScore(t) + (/[率性度]$/.test(t) ? 1 : 0);
    case 'value':
      if (isTarget(t)) return 3;
      if (isSentence(t)) return -6;
      if (t.length >= 4 && /[率性度]$/.test(t)) return -2;
      return t.length <= 2 ? 2 : t.length <= 4 ? 0 : -1;
    case 'description':
    case 'note': {
      let s = isTarget(t) ? -6 : isSentence(t) ? 3 : t.length >= 12 ? 1 : -2;
      if (hasNote) {
        // 2020 form: 指标解释 says what the indicator reflects (反映…), 指标说明 gives the formula.
        const sign = role === 'note' ? 1 : -1;
        if (isFormula(t)) s += sign;
        if (/^反映/.test(t)) s -= sign;
      }
      return s;
    }
  }
}

export interface Placed { role: Role; col: number; text: string }

/** Best order-preserving assignment of the row's non-empty cells to roles (level3 required). */
export function assignRoles(cells: Array<{ col: number; text: string }>, hasNote: boolean): Placed[] | null {
  const roles: Role[] = hasNote
    ? ['level1', 'level2', 'level3', 'value', 'description', 'note']
    : ['level1', 'level2', 'level3', 'value', 'description'];
  let best: { score: number; placed: Placed[] } | null = null;
  const walk = (i: number, r: number, acc: Placed[], score: number): void => {
    if (i === cells.length) {
      if (!acc.some((p) => p.role === 'level3')) return;
      if (!best || score > best.score) best = { score, placed: [...acc] };
      return;
    }
    for (let k = r; k <= roles.length - (cells.length - i); k++) {
      const role = roles[k]!;
      const c = cells[i]!;
      const s = roleScore(role, c.text, hasNote) - Math.abs(c.col - ROLE_COL[role]);
      acc.push({ role, col: c.col, text: c.text });
      walk(i + 1, k + 1, acc, score + s);
      acc.pop();
    }
  };
  walk(0, 0, [], 0);
  return (best as { score: number; placed: Placed[] } | null)?.placed ?? null;
}

function nonEmpty(cells: string[]): Array<{ col: number; text: string }> {
  const out: Array<{ col: number; text: string }> = [];
  cells.forEach((c, col) => {
    const text = normText(c);
    if (text !== '') out.push({ col, text });
  });
  return out;
}

function clip(t: string): string {
  return t.length > 14 ? `${t.slice(0, 12)}…` : t;
}

// ---------------------------------------------------------------------------------------------
// Blocks

const TASK_LABEL = /^(年度主要)?任务$/;
const TASK_NO = /^任务\s*\d+$/;

function parseTask(row: Line, hasAmounts: boolean, ctx: ParseContext): OutRow | null {
  let cells = nonEmpty(row.cells);
  // `任务` / `年度主要任务` in the first column is the block's label (repeated at a page break), not data.
  const label = cells.filter((c) => TASK_LABEL.test(c.text));
  if (label.length > 0) {
    cells = cells.filter((c) => !TASK_LABEL.test(c.text));
    ctx.repairs.push({ table: 'tasks', line: row.n, what: `dropped the stray label "${label.map((c) => c.text).join('')}" printed in column ${label[0]!.col + 1}` });
  }
  if (cells.length === 0) return null;
  const noCell = cells.find((c) => TASK_NO.test(c.text));
  const rest = cells.filter((c) => c !== noCell);
  const amounts = hasAmounts ? rest.filter((c) => isAmount(c.text)) : [];
  const texts = rest.filter((c) => !amounts.includes(c));
  if (texts.length === 0) throw new InputError(ctx.doc.sourceFile, row.n, 'tasks', 'task row without a task name');
  if (amounts.length > 2) throw new InputError(ctx.doc.sourceFile, row.n, 'tasks', `task row with ${amounts.length} amounts (expected 合计 and 财政资金)`);
  // Where the row should start: the task number (2020 form) or the task name in the second column.
  const first = noCell ?? texts[0]!;
  if (first.col !== 1) {
    ctx.repairs.push({ table: 'tasks', line: row.n, what: `task row printed ${first.col < 1 ? 'one column left' : `${first.col - 1} column(s) right`} of its place; read by content (${noCell ? 'task number, ' : ''}name${amounts.length ? ', amounts' : ''}, content)` });
  }
  return {
    source_line: row.n, source_line_end: null,
    task_no: noCell ? noCell.text.replace(/\s+/g, '') : null,
    task_name: texts[0]!.text,
    description: texts.length > 1 ? joinText(texts.slice(1).map((c) => c.text)) : null,
    amount_total: amounts[0] ? parseAmount(amounts[0].text) : null,
    amount_fiscal: amounts[1] ? parseAmount(amounts[1].text) : null,
  };
}

function parseBudgetLine(row: Line, group: string | null): { row: OutRow; group: string | null } | null {
  const cells = nonEmpty(row.cells).filter((c) => c.text !== '预算情况');
  const amountCells = cells.filter((c) => isAmount(c.text));
  let label = joinText(cells.filter((c) => !amountCells.includes(c)).map((c) => c.text));
  if (label === '') return null;
  const g = /^(?:\d+\s*[、.．]\s*)?(资金来源|资金结构)\s*[:：]?\s*/.exec(label);
  if (g) {
    group = g[1]!;
    label = label.slice(g[0].length);
  }
  let item = label.replace(/^[(（]\s*\d+\s*[)）]\s*/, '').replace(/[(（]\s*万元\s*[)）]/, '').trim();
  if (/部门预算总额/.test(item)) group = null;
  if (item === '') item = label;
  return {
    group,
    row: { source_line: row.n, source_line_end: null, category: group, item, amount: amountCells[0] ? parseAmount(amountCells[0].text) : null },
  };
}

interface Carry { level1: string | null; level2: string | null }

function parseIndicator(row: Line, hasNote: boolean, carry: Carry, ctx: ParseContext): OutRow {
  const cells = nonEmpty(row.cells);
  const placed = assignRoles(cells, hasNote);
  if (!placed) {
    throw new InputError(ctx.doc.sourceFile, row.n, 'dept_indicators', `cannot read an indicator (三级指标) in: ${cells.map((c) => c.text).join(' | ')}`);
  }
  const moved = placed.filter((p) => p.col !== ROLE_COL[p.role]);
  const get = (role: Role): string | null => placed.find((p) => p.role === role)?.text ?? null;
  const l1 = get('level1');
  const l2 = get('level2');
  if (l1 !== null) {
    if (l1 !== carry.level1) carry.level2 = null;
    carry.level1 = l1;
  }
  if (l2 !== null) carry.level2 = l2;
  if (moved.length > 0) {
    // Say which levels were carried down when a level name was among the cells put back.
    const namesMoved = moved.some((p) => p.role === 'level1' || p.role === 'level2' || p.role === 'level3');
    const carried = namesMoved ? [l1 === null ? '一级指标' : null, l2 === null ? '二级指标' : null].filter(Boolean).join('、') : '';
    ctx.repairs.push({
      table: 'dept_indicators', line: row.n,
      what: `cells realigned by content: ${moved.map((p) => `"${clip(p.text)}" column ${p.col + 1} → ${ROLE_ZH[p.role]}`).join('; ')}${carried ? ` (${carried} carried down)` : ''}`,
    });
  }
  const target = get('value');
  const t = target === null ? { comparator: null, value: null, unit: null } : parseTarget(target);
  return {
    source_line: row.n, source_line_end: null,
    level1: carry.level1, level2: carry.level2, level3: get('level3'),
    target_text: target, comparator: t.comparator, target_value: t.value, target_unit: t.unit,
    description: get('description'), note: get('note'),
  };
}

// ---------------------------------------------------------------------------------------------

export const deptPerformance: TableModule = {
  standards: ['dept_performance'],
  schemas,
  parse(section: Section, ctx: ParseContext) {
    const indicators: OutRow[] = [];
    const tasks: OutRow[] = [];
    const overview: OutRow[] = [];
    let state: 'head' | 'tasks' | 'budget' | 'indicators' = 'head';
    let hasNote = false;
    let hasAmounts = false;
    let group: string | null = null;
    const carry: Carry = { level1: null, level2: null };

    for (const row of section.rows) {
      const cells = row.cells.map(normText);
      if (cells.every((c) => c === '' || /^[-—–]+$/.test(c))) continue; // rule line (`--|-----|…`)
      const head = cells.slice(0, 2);
      if (head.includes('年度主要任务') || (state === 'head' && cells.includes('任务名称'))) {
        state = 'tasks';
        hasAmounts = cells.some((c) => /预算资金|合计/.test(c));
        continue;
      }
      if (cells[0] === '预算情况') state = 'budget';
      if (/^一级指标$/.test(cells[0] ?? '') && cells.includes('三级指标')) {
        state = 'indicators';
        hasNote = cells.includes('指标说明');
        continue;
      }
      if (state === 'head') continue;
      if (state === 'tasks') {
        // Second header line of the 2020 form: `| | |合计|其中：财政资金|备注`.
        if (cells.some((c) => c === '合计') && !cells.some((c) => TASK_NO.test(c))) { hasAmounts = true; continue; }
        const t = parseTask(row, hasAmounts, ctx);
        if (t) tasks.push(t);
      } else if (state === 'budget') {
        const b = parseBudgetLine(row, group);
        if (b) { overview.push(b.row); group = b.group; }
      } else {
        indicators.push(parseIndicator(row, hasNote, carry, ctx));
      }
    }
    return { dept_indicators: indicators, tasks, dept_budget_overview: overview };
  },
};
