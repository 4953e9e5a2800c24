// The project drill-down in dist/: level 1 on /explore/, each document's units, projects and
// indicators on /explore/<doc_id>/ (plain <details>, no script), every figure as the published
// tables have it, every source link on the line that holds the row.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { query } from '../../src/lib/data.ts';
import { drillDoc, drillDocs } from '../../src/lib/drillData.ts';
import { exact } from '../../src/lib/format.ts';
import { sqlFromHash } from '../../src/explore/share.ts';
import { DIST, ROOT } from '../e2e/browser.ts';

type Docs = Awaited<ReturnType<typeof drillDocs>>;
const squash = (s: string) => s.replace(/\s+/g, '');
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document;

describe('drill-down pages', () => {
  let docs: Docs = [];
  let layouts = new Map<string, string>();
  before(async () => {
    docs = await drillDocs();
    layouts = new Map((await query<{ doc_id: string; layout: string }>('SELECT doc_id, layout FROM documents')).map((d) => [d.doc_id, d.layout]));
  });

  test('/explore/ lists every document of level 1, each linking to its own page', () => {
    assert.ok(docs.length > 0);
    const rows = [...page('explore').querySelectorAll('#drill table.drill-docs tbody tr')];
    assert.deepEqual(rows.map((r) => r.getAttribute('data-doc-id')), docs.map((d) => d.doc_id), 'in the order of the level-1 query');
    for (const [i, r] of rows.entries()) {
      const d = docs[i]!;
      assert.equal(r.querySelector('a.drill-doc')?.getAttribute('href'), `/explore/${d.doc_id}/`);
      assert.ok(existsSync(join(DIST, 'explore', d.doc_id, 'index.html')), `${d.doc_id}: its page is built`);
      assert.deepEqual([...r.querySelectorAll('td.num')].map((td) => td.textContent), [String(d.units), String(d.projects), exact(d.total)]);
    }
  });

  test('each document\'s page: every unit, project and indicator, each level with its own SQL, no script', async () => {
    for (const d of docs) {
      const document = page(`explore/${d.doc_id}`);
      const drill = await drillDoc(d.doc_id);
      assert.equal(document.documentElement.getAttribute('lang'), 'zh-CN');
      assert.match(document.querySelector('h1')?.textContent ?? '', new RegExp(`${d.city} · ${d.fiscal_year} 年`));
      assert.equal(document.querySelectorAll('script').length, 0, `${d.doc_id}: works without JavaScript, and needs none`);

      const units = [...document.querySelectorAll('details.drill-unit')];
      assert.deepEqual(units.map((u) => u.getAttribute('data-unit')), drill.units.map((u) => u.row.unit_name), `${d.doc_id}: units`);
      assert.equal(document.querySelectorAll('details.drill-unit details.drill-project').length, d.projects, `${d.doc_id}: projects`);
      const indicators = drill.units.flatMap((u) => u.projects.flatMap((p) => p.indicators));
      assert.equal(document.querySelectorAll('details.drill-project table.drill-indicators tbody tr').length, indicators.length, `${d.doc_id}: indicators`);

      // Level 1 and 2 at the top, 3 in each unit, 4 in each project with indicators: each opens in the editor.
      const blocks = [...document.querySelectorAll('.sql-block')];
      const withIndicators = drill.units.flatMap((u) => u.projects).filter((p) => p.indicators.length > 0).length;
      assert.equal(blocks.length, 2 + drill.units.length + withIndicators);
      for (const b of blocks) {
        const href = b.querySelector('a.edit-sql')?.getAttribute('href') ?? '';
        assert.match(href, /^\/explore\/#sql=/);
        assert.equal(sqlFromHash(href.slice('/explore/'.length)), b.querySelector('code')?.textContent, 'the link carries the query shown');
      }
      assert.equal(blocks[1]!.querySelector('code')?.textContent, drill.sql);
      for (const [i, u] of units.entries()) {
        assert.equal(u.querySelector(':scope > .drill-body > .sql-block code')?.textContent, drill.units[i]!.sql);
      }
    }
  });

  test('an indicator read with uncertainty shows the pieces as printed, with a note, not a guessed reading', async () => {
    let uncertain = 0; let garbled = 0;
    for (const d of docs) {
      const document = page(`explore/${d.doc_id}`);
      const projectEls = [...document.querySelectorAll('details.drill-project')];
      for (const [i, p] of (await drillDoc(d.doc_id)).units.flatMap((u) => u.projects).entries()) {
        const rows = [...projectEls[i]!.querySelectorAll('table.drill-indicators tbody tr')];
        for (const [k, ind] of p.indicators.entries()) {
          const cells = [...rows[k]!.querySelectorAll('td')].map((td) => td.textContent ?? '');
          if (ind.pairing !== 'uncertain') { assert.equal(cells.length, 6); continue; }
          uncertain++; if (ind.garbled) garbled++;
          // one cell for the reading: the printed pieces, never the guessed indicator and target apart
          assert.deepEqual(cells, [`${ind.garbled ? '原文此处转换时被打乱' : '读法不确定'}，原文印出：${ind.raw_cells}`, String(ind.source_line)], `${d.doc_id}:${ind.source_line}`);
        }
        if (p.indicators.some((x) => x.pairing === 'uncertain')) assert.match(projectEls[i]!.querySelector('.drill-body > p.note')?.textContent ?? '', /原文印出.*照录印出的各段/);
      }
    }
    // 洛阳's garbled passages (:6952–:6984, :11027 …) are among the projects the drill-down lists
    assert.ok(uncertain > 0 && garbled > 0, `${uncertain} uncertain, ${garbled} garbled`);
  });

  test('source links go to the row\'s own line; in tab-layout documents that line holds the name', async () => {
    for (const d of docs) {
      const document = page(`explore/${d.doc_id}`);
      const lines = readFileSync(join(ROOT, 'public', 'sources', `${d.doc_id}.txt`), 'utf8').replace(/\r\n?/g, '\n').split('\n');
      const drill = await drillDoc(d.doc_id);
      const projectEls = [...document.querySelectorAll('details.drill-project')];
      const projects = drill.units.flatMap((u) => u.projects);
      assert.equal(projectEls.length, projects.length);
      for (const [i, p] of projects.entries()) {
        const el = projectEls[i]!;
        assert.equal(el.querySelector('.drill-name')?.textContent, p.row.project_name);
        const links = [
          ...(p.row.source_line ? [{ line: p.row.source_line, name: p.row.project_name, a: el.querySelector('.drill-meta a.source-link') }] : []),
          ...p.indicators.map((ind, k) => ({ line: ind.source_line, name: ind.indicator, a: el.querySelectorAll('table.drill-indicators tbody tr')[k]?.querySelector('a') ?? null })),
        ];
        for (const { line, name, a } of links) {
          if (!line) continue;
          assert.equal(a?.getAttribute('href'), `/source/${d.doc_id}/#L${line}`, `${d.doc_id}: ${name}`);
          assert.ok(line <= lines.length, `${d.doc_id}: line ${line} exists`);
          // Reflowed documents print one cell per line from the row's first line on; tab-layout ones the whole row.
          if (layouts.get(d.doc_id) === 'tab' && name) {
            assert.ok(squash(lines[line - 1]!).includes(squash(name).slice(0, 4)), `${d.doc_id}:${line} holds “${name}”`);
          }
        }
      }
    }
  });
});
