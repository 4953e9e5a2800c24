// PDFs as governments publish them: the text and cells the PDF layout rebuilds, and bad PDFs.
// Every expected value below was read off the PDF page named beside it (page numbers are the PDF's
// own, 1-based), not taken from the pipeline's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { readPdf, type PdfText } from '../../scripts/pipeline/layouts/pdf/index.ts';
import { PAGE_MARKER, pagesOfLines } from '../../scripts/pipeline/layouts/pdf/pageMarker.ts';
import { pageLines } from '../../scripts/pipeline/layouts/pdf/grid.ts';
import { byFunction } from '../../scripts/pipeline/tables/byFunction.ts';
import { findSections } from '../../scripts/pipeline/layouts/tab/sections.ts';
import { runOn } from './runOn.ts';

const FIXTURES = join(ROOT, 'tests/pipeline/fixtures');
const rawPdf = (id: string) => readFileSync(join(ROOT, 'data/raw', `${id}.pdf`));
const cache = new Map<string, Promise<PdfText>>();
const text = (id: string) => {
  if (!cache.has(id)) cache.set(id, readPdf(`${id}.pdf`, rawPdf(id)));
  return cache.get(id)!;
};

/** The lines of one page (after its marker), split into cells. */
async function page(id: string, n: number): Promise<string[][]> {
  const { lines } = await text(id);
  const pages = pagesOfLines(lines);
  return lines.filter((l, i) => pages[i] === n && !PAGE_MARKER.test(l)).map((l) => l.split('\t'));
}

const SH_2025 = 'shanghai-putuo-2025-swwyh-budget';
const SH_STREET = 'shanghai-putuo-2024-rmzfwljdbsc-budget';
const SH_FINAL = 'shanghai-putuo-2024-czj-final';
const JS_COURT = 'jiangsu-2019-gjrmfy-budget';

test('every page gets a marker, in order (普陀区商务委员会 2025: 26 pages)', async () => {
  const { lines, pages } = await text(SH_2025);
  assert.equal(pages, 26);
  const markers = lines.filter((l) => PAGE_MARKER.test(l)).map((l) => Number(PAGE_MARKER.exec(l)![1]));
  assert.deepEqual(markers, Array.from({ length: 26 }, (_, i) => i + 1));
});

test('a ruled table keeps every cell in its column, blanks included (商务委员会 2025 p.10, 收入预算总表)', async () => {
  const rows = await page(SH_2025, 10);
  // p.10 prints: 201 | 13 | 01 | 行政运行 | 9,389,913.00 | 9,389,913.00 and blank 事业收入, 事业单位经营收入, 其他收入.
  const row = rows.find((r) => r[3] === '行政运行');
  assert.deepEqual(row, ['201', '13', '01', '行政运行', '9,389,913.00', '9,389,913.00', '', '', '']);
  // The title and the 编制部门 / 单位：元 line above the grid.
  assert.ok(rows.some((r) => r.join('') === '2025年部门收入预算总表'));
  assert.deepEqual(rows.find((r) => r[0]!.startsWith('编制部门')), ['编制部门：上海市普陀区商务委员会', '单位：元']);
});

test('two cells printed as one text item are split (财务收支预算总表 p.9: 371,514,655.00 | 一、一般公共服务支出)', async () => {
  const rows = await page(SH_2025, 9);
  assert.deepEqual(rows.find((r) => r[0] === '一、财政拨款收入'), ['一、财政拨款收入', '371,514,655.00', '一、一般公共服务支出', '21,601,733.00']);
});

test('a table continued over a page break prints its header again and keeps its columns (p.15 → p.16)', async () => {
  const p16 = await page(SH_2025, 16);
  // p.16 opens with the header of 一般公共预算支出功能分类预算表 (p.15) again, then 208 05 99 … 13,260.00 (基本支出).
  const header = p16.findIndex((r) => r.includes('功能分类科目名称'));
  const row = p16.findIndex((r) => r[3] === '其他行政事业单位养老支出');
  assert.ok(header >= 0 && header < row, 'header printed again above the first row');
  assert.deepEqual(p16[row], ['208', '05', '99', '其他行政事业单位养老支出', '13,260.00', '13,260.00', '']);
  assert.equal((await page(SH_2025, 15)).find((r) => r[3] === '行政运行')!.length, 7, 'same columns as on p.15');
});

test('a merged header cell stands in the first column it spans (三公 table p.21)', async () => {
  const rows = await page(SH_2025, 21);
  const top = rows.findIndex((r) => r[0] === '“三公”经费预算数');
  assert.ok(top >= 0);
  // “三公”经费预算数 spans the six 三公 columns; 机关运行经费预算数 has a column of its own.
  assert.deepEqual(rows[top], ['“三公”经费预算数', '', '', '', '', '', '']);
  assert.equal(rows[top + 1]!.at(-1), '机关运行经费预算数');
  // p.21 prints 合计 1.00, 公务接待费 1.00, 机关运行经费 171.01.
  assert.deepEqual(rows[top + 2], ['1.00', '', '1.00', '', '', '', '171.01']);
});

test('a header cell wrapped over two lines is one cell, and amounts printed higher join their row (决算 p.10)', async () => {
  const rows = await page(SH_FINAL, 10);
  // p.10 prints 本年支出合 / 计 in one cell, and 一般公共服务支出 2,106.66 with 1,503.52 and 603.14 a little higher.
  assert.ok(rows.some((r) => r.includes('本年支出合计')));
  assert.deepEqual(rows.find((r) => r[3] === '一般公共服务支出')?.slice(0, 7), ['201', '', '', '一般公共服务支出', '2,106.66', '1,503.52', '603.14']);
});

test('a table by Word (江苏省高级人民法院 2019 p.14): “三公” with 会议费 and 培训费', async () => {
  const rows = await page(JS_COURT, 14);
  const i = rows.findIndex((r) => r[0] === '合计');
  assert.deepEqual(rows[i], ['合计', '小计', '因公出国（境）费', '公务用车购置及运行维护费小计', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费']);
  assert.deepEqual(rows[i + 1], ['2,382.02', '513.75', '160.00', '266.80', '', '266.80', '86.95', '271.02', '1,597.25']);
});

test('the last 合计 row alone on a page keeps the columns of the part above (万里街道 2024 p.15)', async () => {
  const rows = await page(SH_STREET, 15);
  // p.15 prints only: 合计 156,211,123 156,211,123 0 0 0 (收入预算总表, continued from p.14).
  assert.deepEqual(rows.find((r) => r[0] === '合计'), ['合计', '', '', '', '156,211,123', '156,211,123', '0', '0', '0']);
});

// Bad PDFs: each a clear sentence naming the file, exit status 1, the output untouched.
const zz = () => readFileSync(join(ROOT, 'data/raw/zhengzhou-2024-budget.txt'));
const bad: Array<[string, () => Buffer, RegExp]> = [
  ['truncated bytes', () => rawPdf(SH_2025).subarray(0, 4000), /cut\.pdf: .*(damaged|cannot be read)/],
  ['encrypted', () => readFileSync(join(FIXTURES, 'encrypted-with-password.pdf')), /cut\.pdf: the PDF is encrypted/],
  ['image-only (no text layer)', () => readFileSync(join(FIXTURES, 'scanned-page-no-text-layer.pdf')), /cut\.pdf: none of the PDF's 1 pages has a text layer/],
  ['0 pages', () => readFileSync(join(FIXTURES, 'no-pages.pdf')), /cut\.pdf: the PDF has no pages/],
  ['a .pdf that is text', () => Buffer.from('2024年郑州市人力资源和社会保障局部门预算\n'), /cut\.pdf: not a PDF/],
  ['an empty .pdf', () => Buffer.alloc(0), /cut\.pdf: the file is empty/],
];
for (const [what, bytes, message] of bad) {
  test(`a bad PDF (${what}) is refused by name and publishes nothing`, () => {
    const r = runOn({ 'zz.txt': zz(), 'cut.pdf': bytes() });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a sentence, not a stack trace');
    assert.ok(r.untouched);
  });
}

// A table drawn without rules: columns come from how the text aligns. The page is made here, a
// fragment per printed cell, as PDF.js reports them (x from the left, baseline y from the top).
test('an undrawn table: columns from alignment, a blank cell kept, a header over two columns not welded to them', () => {
  const at = (text: string, x0: number, y: number, size = 10) => ({ text, x0, x1: x0 + size * [...text].length * (/^[\d,.]+$/.test(text) ? 0.55 : 1), y, size });
  const page = {
    width: 600, height: 800, vertical: [], horizontal: [],
    fragments: [
      at('2024年部门支出总表', 200, 50, 14),
      // 支出 spans 基本支出 and 项目支出 (centred over both)
      at('科目编码', 40, 80), at('科目名称', 120, 80), at('合计', 300, 80), at('支出', 400, 80),
      at('基本支出', 360, 95), at('项目支出', 440, 95),
      at('201', 40, 115), at('一般公共服务支出', 120, 115), at('1,234.50', 300, 115), at('1,000.00', 360, 115), at('234.50', 450, 115),
      at('20101', 40, 130), at('人大事务', 120, 130), at('1,000.00', 300, 130), at('1,000.00', 360, 130),
      at('20102', 40, 145), at('政协事务', 120, 145), at('234.50', 311, 145), at('234.50', 450, 145),
    ],
  };
  const lines = pageLines(page).map((l) => l.split('\t'));
  assert.deepEqual(lines[0], ['2024年部门支出总表']);
  assert.deepEqual(lines.find((r) => r[0] === '201'), ['201', '一般公共服务支出', '1,234.50', '1,000.00', '234.50']);
  // 人大事务 prints nothing under 项目支出, 政协事务 nothing under 基本支出: the blanks stay in their columns.
  assert.deepEqual(lines.find((r) => r[0] === '20101'), ['20101', '人大事务', '1,000.00', '1,000.00', '']);
  assert.deepEqual(lines.find((r) => r[0] === '20102'), ['20102', '政协事务', '234.50', '', '234.50']);
  assert.deepEqual(lines.find((r) => r.includes('基本支出')), ['', '', '', '基本支出', '项目支出']);
});

test('a cell under an amount header that is not an amount names its line and column', () => {
  const row = (n: number, cells: string[]) => ({ n, cells });
  const section = {
    standard: 'expenditure', title: '支出预算总表', titleLine: 1, endLine: 5, notes: [], printedEmpty: false, amountUnit: '万元' as const,
    rows: [row(2, ['科目编码', '科目名称', '合计', '基本支出']), row(3, ['201', '一般公共服务支出', '12.50', '12.50']), row(4, ['20101', '人大事务', '12.5O', '12.50'])],
  };
  assert.throws(() => byFunction.parse(section, {} as never), (e: Error & { line?: number }) => {
    assert.equal(e.line, 4);
    assert.match(e.message, /not an amount: "12\.5O" in the column "合计"/);
    return true;
  });
});

test('a table title wrapped over two printed lines is found, with its unit', () => {
  const lines = [
    '2024年部门一般公共预算基本支出', '部门预算经济分类预算表', '编制部门：某部门\t单位：元',
    '经济分类科目编码\t经济分类科目名称\t合计\t人员经费\t公用经费', '301\t工资福利支出\t1,000.00\t1,000.00\t',
  ];
  const [s] = findSections(lines);
  assert.deepEqual([s?.standard, s?.title, s?.titleLine, s?.amountUnit], ['basic', '2024年部门一般公共预算基本支出部门预算经济分类预算表', 1, '元']);
});
