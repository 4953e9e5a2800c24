// Projects the narrative names with an amount (焦作 :141 “重点项目二：机关事业单位养老保险基金缺口项目，
// 年初预算安排3000.00万元”) against the project the tables print under that name.
//
// facts has no key for these (a fact is one figure per key, and these are as many as the narrative
// names), so they are read here, narrowly: a name the project table (or the 项目绩效目标表) prints,
// found in the narrative, followed at once by its amount — `项目`, a comma and 年初预算安排 / 金额 /
// 资金 / 为 may stand between, nothing else. A name inside a longer printed name that also fits is
// left to the longer one.
import { type Ctx, fmt, nameKey, num, printed } from './core.ts';
import { narrativeTexts } from './narrative.ts';
import { printedProjects } from './performance.ts';

/** What may stand between a project's name and its amount, after the name (brackets and spaces already dropped). */
const AFTER_NAME = /^(?:项目)?[,:]?(?:年初|全年)?(?:预算)?(?:安排|金额|资金)?(?:为|共|计)?(\d+(?:,\d{3})*(?:\.\d+)?)万元/;
const MIN_NAME = 6;
/**
 * Names that are also the name of an item the narrative reports in its own right (a “三公” item, an
 * economic or functional class): 洛阳 :235 “公务用车运行维护费 24.00 万元” is the 三公 item, not the
 * projects of that name.
 */
const ITEMS = ['因公出国（境）费', '因公出国（境）费用', '公务用车购置及运行费', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务用车运行费',
  '公务接待费', '机关运行经费', '机构运行经费', '机关（机构）运行经费', '政府采购'];

interface Named {
  key: string;
  name: string;
  amount: number | null;
  line: number;
  table: 'projects' | 'project_indicators';
}

/** The narrative with brackets and spaces dropped (as nameKey drops them), each character keeping its line. */
function keyed(text: string, lineOf: number[]): { key: string; line: number[] } {
  let key = '';
  const line: number[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const ch of nameKey(text[i]!)) {
      key += ch;
      line.push(lineOf[i]!);
    }
  }
  return { key, line };
}

export function namedProjectChecks({ t, lines, precision, add }: Ctx): void {
  const projects: Named[] = (t.projects ?? []).filter((r) => r.row_kind === 'project')
    .map((r) => ({ key: nameKey(r.project_name), name: String(r.project_name), amount: num(r.total), line: r.source_line as number, table: 'projects' as const }));
  const indicators: Named[] = printedProjects(t.project_indicators ?? [])
    .map((p) => ({ key: nameKey(p.name), name: p.name, amount: p.amount, line: p.line, table: 'project_indicators' as const }));
  const known = new Set(projects.map((p) => p.key));
  const items = new Set([...ITEMS, ...(t.basic_by_economic ?? []).flatMap((r) => [r.dept_econ_name, r.gov_econ_name]),
    ...(t.expenditure_by_function ?? []).map((r) => r.func_name)].map(nameKey));
  const names = [...new Set([...projects, ...indicators.filter((p) => !known.has(p.key))].map((p) => p.key))]
    .filter((k) => k.length >= MIN_NAME && !items.has(k));
  if (names.length === 0) return;
  const texts = narrativeTexts(lines);
  const seen = new Set<string>();
  for (const { text, lineOf } of texts) {
    const { key, line } = keyed(text, lineOf);
    // Every (name, amount) the text states, the longest name winning an amount.
    const mentions = new Map<number, { name: string; at: number; amountText: string; amountAt: number }>();
    for (const name of names) {
      for (let at = key.indexOf(name); at >= 0; at = key.indexOf(name, at + 1)) {
        const m = AFTER_NAME.exec(key.slice(at + name.length));
        if (!m) continue;
        const amountAt = at + name.length + m[0].length - m[1]!.length - 2;
        const prev = mentions.get(amountAt);
        if (!prev || prev.name.length < name.length) mentions.set(amountAt, { name, at, amountText: m[1]!, amountAt });
      }
    }
    for (const m of [...mentions.values()].sort((a, b) => a.at - b.at)) {
      const said = printed(m.amountText);
      const inProjects = projects.filter((p) => p.key === m.name);
      const rows = inProjects.length > 0 ? inProjects : indicators.filter((p) => p.key === m.name);
      const same = rows.find((r) => r.amount === said.value);
      const ref = same ? [same] : rows;
      const expected = ref.reduce((a, r) => a + (r.amount ?? 0), 0);
      const table = rows[0]!.table;
      // The 项目绩效目标表 printing the same project with the table's amount says it again.
      const also = table === 'projects' && ref.length === 1
        ? indicators.filter((p) => p.key === m.name && p.amount === ref[0]!.amount).map((p) => p.line) : [];
      const from = line[m.at]!;
      const to = line[m.amountAt + m.amountText.length - 1]!;
      let id = `narrative:project:${from}:${ref[0]!.line}`;
      for (let k = 2; seen.has(id); k++) id = `narrative:project:${from}:${ref[0]!.line}:${k}`;
      seen.add(id);
      const where = ref.length === 1 ? `第 ${ref[0]!.line} 行（${fmt(ref[0]!.amount, precision)} 万元）`
        : `同名的 ${ref.length} 个项目（第 ${ref.map((r) => r.line).join('、')} 行）之和（${fmt(expected, precision)} 万元）`;
      add({ id, kind: 'narrative', table,
        description: `情况说明第 ${from} 行所说项目“${rows[0]!.name}”的金额（${m.amountText} 万元）对照${table === 'projects' ? '项目支出表' : '项目绩效目标表'}${where}`,
        expected: Math.round(expected * 1e6) / 1e6, actual: said.value, terms: 2, decimals: Math.min(precision, said.decimals),
        lines: [from, to, ...ref.map((r) => r.line), ...also] });
    }
  }
}
