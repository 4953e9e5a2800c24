// 项目支出表 → projects: one row per project, with the unit that runs it and its funding sources.
import type { OutRow, TableModule } from '../types.ts';
import { assignAmounts, type AmountSpec } from './amounts.ts';
import { hasAmount } from './rows.ts';
import { joinText, normText } from '../text.ts';

/** The sources of funds the 项目支出表 prints (the 基本支出明细表 prints the same). */
export const SPEC: AmountSpec = {
  columns: ['total', 'current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget',
    'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds'],
  sums: [['total', ['current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget',
    'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds']]],
};

export const COLUMN_DOCS: Record<string, [string, string]> = {
  total: ['合计', 'total'],
  current_general_budget: ['本年拨款·一般公共预算', 'appropriation of the year: general public budget'],
  current_gov_fund: ['本年拨款·政府性基金预算', 'appropriation of the year: government funds'],
  current_state_capital: ['本年拨款·国有资本经营预算', 'appropriation of the year: state capital operation budget'],
  carryover_general_budget: ['财政拨款结转结余·一般公共预算', 'carry-over of appropriations: general public budget'],
  carryover_gov_fund: ['财政拨款结转结余·政府性基金预算', 'carry-over of appropriations: government funds'],
  carryover_state_capital: ['财政拨款结转结余·国有资本经营预算', 'carry-over of appropriations: state capital operation budget'],
  special_account: ['财政专户管理资金', 'fiscal special account funds'],
  unit_funds: ['单位资金', 'unit’s own funds'],
};

export const projects: TableModule = {
  standards: ['projects'],
  schemas: [{
    name: 'projects', zh: '项目支出表', en: 'Project expenditure, one row per project',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、department 部门、project 项目', en: 'total, department or project row' },
      { name: 'project_seq', type: 'INTEGER', zh: '项目在表中的顺序（从 1 起，仅项目行）', en: 'order of the project in the table, from 1 (project rows only)' },
      { name: 'project_type', type: 'VARCHAR', zh: '项目类型（特定目标类/其他运转类，按原文）', en: 'project type as printed (特定目标类 specific-purpose / 其他运转类 other operating)' },
      { name: 'project_name', type: 'VARCHAR', zh: '项目名称', en: 'project name' },
      { name: 'unit_code', type: 'VARCHAR', zh: '单位代码（部门行）', en: 'unit code (department row)' },
      { name: 'unit_name', type: 'VARCHAR', zh: '项目单位', en: 'unit that runs the project' },
      ...SPEC.columns.map((c) => ({ name: c, type: 'DOUBLE' as const, zh: COLUMN_DOCS[c]![0], en: COLUMN_DOCS[c]![1], unit: '万元' })),
      { name: 'project_code', type: 'VARCHAR', zh: '项目编码（由项目绩效目标表按名称和金额匹配而来，未匹配为空）', en: 'project code, joined from the performance table by name and amount; NULL where none matches' },
      { name: 'project_code_match', type: 'VARCHAR', zh: '项目编码的匹配方式：name_amount 名称与金额、name 名称、amount_and_name_ending 金额与名称末四字', en: 'how project_code was matched: name_amount, name, or amount_and_name_ending (same amount, same last four characters)' },
    ],
  }],
  parse(section, ctx) {
    const out: OutRow[] = [];
    let seq = 0;
    for (const r of section.rows) {
      const c = r.cells;
      const label = c.slice(0, 3).map(normText);
      if (/^类型$/.test(label[0]!) || label.join('') === '') {
        if (hasAmount(c.slice(3))) { /* total row without a label: handled below */ } else continue;
      }
      if (!hasAmount(c.slice(3))) {
        // A wrapped project name (驻马店 481 `|考务经费|…`): continues the project above.
        const prev = out.at(-1);
        if (prev && prev.row_kind === 'project' && label[1] && !/^(类型|项目名称)$/.test(label[1])) {
          prev.project_name = joinText([prev.project_name as string, label[1]]);
          prev.source_line_end = r.n;
          ctx.repairs.push({ table: 'projects', line: r.n, what: `project name continued from line ${prev.source_line}` });
        }
        continue;
      }
      const a = assignAmounts(c.slice(3, 3 + SPEC.columns.length + 1), SPEC);
      if (a.moved) ctx.repairs.push({ table: 'projects', line: r.n, what: 'amounts moved to the columns their sums require' });
      let row: OutRow;
      if (label[2] === '合计' || (label[0] === '' && label[1] === '' && label[2] === '')) {
        row = { row_kind: 'total', project_seq: null, project_type: null, project_name: null, unit_code: null, unit_name: null };
      } else if (label[0] === '' && /^\d+$/.test(label[1]!)) {
        row = { row_kind: 'department', project_seq: null, project_type: null, project_name: null, unit_code: label[1]!, unit_name: label[2]! };
      } else {
        row = { row_kind: 'project', project_seq: ++seq, project_type: label[0] || null, project_name: label[1]!, unit_code: null, unit_name: label[2] || null };
      }
      out.push({ source_line: r.n, source_line_end: null, ...row, ...a.values, project_code: null });
    }
    return { projects: out };
  },
};
