// The checks as the built pages show them (dist/): every kind in plain Chinese, every figure in the
// unit its row states (a count in 个 / 项, never 万元), and the counts on the home, place and
// 数据核对 pages including every finding the data holds. Pinned to 郑州 2024: its narrative says 54
// projects where the 项目绩效目标表 lists 55 (:168), one project printed twice (:731, :871), and an
// 一般公共预算 工资福利 (29,926.7, :334) larger than the all-funds one (29,497.7, :257).
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';
import { CHECK_KIND_ZH } from '../../src/lib/labels.ts';

const ZZ = 'zhengzhou-2024-rlzyhshbzj-budget';
const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const checks = readCsv(join(ROOT, 'public', 'data', 'checks.csv'));
const has = (id: string) => documents.some((d) => d['doc_id'] === id);
const mismatches = (docId?: string) => checks.filter((c) => c['status'] === 'mismatch' && (!docId || c['doc_id'] === docId));
const findings = readCsv(join(ROOT, 'public', 'data', 'findings.csv'));
const contradictions = (docId?: string) => findings.filter((f) => f['finding_kind'] === 'contradiction' && (!docId || f['doc_id'] === docId));

function html(path: string): Document {
  const file = join(DIST, path, 'index.html');
  assert.ok(existsSync(file), `dist/${path}/index.html missing: run \`npm run build\``);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sourceLine = (docId: string, line: number) => readFileSync(join(ROOT, 'public', 'sources', `${docId}.txt`), 'utf8').split('\n')[line - 1] ?? '';

describe('郑州 2024 on its place page', { skip: !has(ZZ) }, () => {
  const item = (id: string) => {
    const li = html('city/zhengzhou').querySelector(`#${ZZ}-part-checks li[data-check-id="${ZZ}:${id}"]`);
    assert.ok(li, `${id} is explained`);
    return li;
  };

  test(':168 says 54 projects, the 项目绩效目标表 lists 55: a count in 个, not 万元', () => {
    assert.match(sourceLine(ZZ, 168), /共 54 个项目/);
    const li = item('narrative:performance_project_count:project_indicators');
    const t = text(li);
    assert.match(t, /表中为 55 个项目，文字说明为 54 个，相差 1 个/);
    assert.match(t, /项目数是逐个数出来的，没有四舍五入/);
    assert.doesNotMatch(t, /万元/);
    // … and says which rows make the 55th.
    assert.match(t, /重复印出（第 731 行和第 871 行），去掉重复后是 54 个/);
  });

  test('the 一般公共预算 工资福利 (29,926.7, :334) reads as a part larger than its whole (29,497.7, :257)', () => {
    assert.match(sourceLine(ZZ, 334), /29,926\.7/);
    assert.match(sourceLine(ZZ, 257), /29,497\.7/);
    const li = item('part_whole:general_public_vs_department:total:basic_wages');
    assert.match(text(li), /部分为 29,926\.7 万元，整体为 29,497\.7 万元，部分大于整体，多出 429 万元/);
    const hrefs = [...li.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href'));
    assert.deepEqual(hrefs, [`/source/${ZZ}/#L257`, `/source/${ZZ}/#L334`]);
  });

  test('the project printed twice names both lines, :731 and :871, and what it does to the totals', () => {
    for (const line of [731, 871]) assert.match(sourceLine(ZZ, line), /2024普惠金融发展专项资金/);
    const li = item('duplicate:project_indicators');
    const t = text(li);
    assert.match(t, /重复印出的项目在原文第 731 行和第 871 行/);
    assert.match(t, /表中印出 55 项，其中不同的只有 54 项，多出 1 项/);
    assert.match(t, /会被算两次/);
    const hrefs = [...li.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href'));
    assert.deepEqual(hrefs, [`/source/${ZZ}/#L731`, `/source/${ZZ}/#L871`]);
  });

  test('the 三公 change the narrative states (:138) against its items, in 增加 / 减少', () => {
    const li = item('narrative_sum:three_public_change');
    assert.match(text(li), /所述总变化为减少 4\.5 万元，文字说明所列各项变化之和为减少 4\.4 万元，相差 0\.1 万元，在四舍五入/);
  });

  test('only the two project columns are called swapped, not two checks that compare one printed figure', () => {
    const items = [...html('city/zhengzhou').querySelectorAll(`#${ZZ}-part-checks li[data-check-id]`)].filter((li) => /印反/.test(text(li)));
    assert.deepEqual(items.map((li) => li.getAttribute('data-check-id')).sort(),
      [`${ZZ}:cross_table:general_public_vs_projects:project_operating`, `${ZZ}:cross_table:general_public_vs_projects:project_specific`]);
  });

  test('the counts are of findings (checks of one cause counted once), and each kind is named in Chinese', () => {
    const article = html('city/zhengzhou').querySelector(`article#${ZZ}`)!;
    const own = mismatches(ZZ);
    assert.ok(own.some((c) => c['check_kind'] === 'part_whole') && own.some((c) => c['check_kind'] === 'duplicate'));
    // 郑州: the swapped columns, the 742.0 block, the duplicate, the 429.0 工资福利 and 三支一扶 at 300.0 (:864)
    // against 105.0 (:497) — 5 causes behind its 17 failed checks.
    assert.equal(contradictions(ZZ).length, 5);
    assert.equal(own.length, 17);
    const section = article.querySelector(`#${ZZ}-part-checks`);
    assert.match(text(section), /自相矛盾 5 处/);
    assert.equal(section!.querySelectorAll('li.finding-contradiction').length, 5);
    assert.match(text(article.querySelector('.key-facts')), /原文自相矛盾 5 处/);
    // Every failed check is still there, in words, inside its finding.
    for (const c of own) assert.ok(section!.querySelector(`li.finding li[data-check-id="${c['check_id']}"]`), String(c['check_id']));
    const labels = [...article.querySelectorAll('table.check-kinds tbody th')].map(text);
    for (const kind of new Set(checks.filter((c) => c['doc_id'] === ZZ).map((c) => c['check_kind']!))) {
      assert.ok(labels.includes(CHECK_KIND_ZH[kind]!), `${kind} as ${CHECK_KIND_ZH[kind]}`);
    }
    assert.ok(labels.every((l) => !/[A-Za-z_]/.test(l)), `labels: ${labels.join(' / ')}`);
  });
});

describe('数据核对 (/topic/checks/)', () => {
  test('counts every mismatch the data holds, new kinds included', () => {
    const doc = html('topic/checks');
    assert.match(text(doc.querySelector('main')), new RegExp(`${mismatches().length} 项对不上`));
  });

  test('郑州: the count in 个, the duplicate with both lines, the part larger than its whole', { skip: !has(ZZ) }, () => {
    const own = [...html('topic/checks').querySelectorAll('li.finding')].filter((f) => text(f.querySelector('.finding-title')).startsWith('郑州 2024 年预算'));
    const find = (re: RegExp) => {
      const li = own.flatMap((f) => [...f.querySelectorAll('li[data-check-id]')]).find((c) => re.test(text(c)));
      assert.ok(li, `a check matching ${re} in a 郑州 finding`);
      return li;
    };
    const count = find(/第 168 行所说设定绩效目标的项目数/);
    assert.match(text(count), /表中为 55 个项目，文字说明为 54 个，相差 1 个/);
    assert.doesNotMatch(text(count), /万元/);
    const dup = find(/重复印出的项目在原文/);
    assert.match(text(dup), /第 731 行和第 871 行/);
    for (const line of [731, 871]) assert.ok(dup.querySelector(`a[href="/source/${ZZ}/#L${line}"]`), `links to :${line}`);
    // The count and the duplicate are one finding: the row printed twice is why the count is one too many.
    assert.equal(count.closest('li.finding'), dup.closest('li.finding'));
    assert.match(text(find(/一般公共预算支出情况表合计行的“工资福利支出”/)), /部分为 29,926\.7 万元，整体为 29,497\.7 万元，部分大于整体/);
  });

  test('no check id or kind code leaks into the page; only real swaps are called swaps', () => {
    const main = html('topic/checks').querySelector('main')!;
    const t = text(main);
    assert.doesNotMatch(t, /budget:|performance:|final:|part_whole|narrative_sum|duplicate|cross_table/);
    // 郑州's one swap: the two project columns of :334. The 742 the narrative and two tables share, and
    // the 55 / 54 a duplicate and a count share, are the same two numbers but not two columns swapped.
    const swaps = [...main.querySelectorAll('li.finding .finding-title')].filter((p) => /印反/.test(text(p)));
    assert.equal(swaps.length, 1);
    assert.match(text(swaps[0]), /郑州 2024 年预算：一般公共预算支出情况表的“其他运转类”和“特定目标类”两列像是印反了/);
  });
});

test('the home page counts every mismatch, and the findings they come to', () => {
  const t = text(html('.').querySelector('main'));
  assert.match(t, new RegExp(`其中 ${mismatches().length} 项不一致`));
  assert.match(t, new RegExp(`原文自相矛盾的有 ${contradictions().length} 处（${new Set(contradictions().map((f) => f['doc_id'])).size} 份文件）`));
  // 洛阳's undecided column is our reading's doubt, not the document's contradiction.
  assert.match(t, /另有 1 处是本站读取不确定/);
});

test('the about page names every kind the data holds and the units of the checks', () => {
  const t = text(html('about').querySelector('main'));
  for (const kind of new Set(checks.map((c) => c['check_kind']!))) {
    const n = checks.filter((c) => c['check_kind'] === kind).length.toLocaleString('zh-CN');
    assert.match(t, new RegExp(`${kind} ${CHECK_KIND_ZH[kind]}（${n} 项）`));
  }
  for (const unit of new Set(checks.map((c) => c['unit']!))) assert.ok(t.includes(`单位为“${unit}”的`), `unit ${unit}`);
});
