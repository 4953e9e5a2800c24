// The 数据核对 page lists the files the pipeline quarantined (public/data/quarantine.csv), each with
// its error, and has no such section when there are none (the vendored corpus: every file is read).
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';

const quarantined = readCsv(join(ROOT, 'public', 'data', 'quarantine.csv'));
const page = parseHTML(readFileSync(join(DIST, 'topic', 'checks', 'index.html'), 'utf8')).document as unknown as Document;
const section = page.querySelector('[data-testid=quarantine]');

test('the 数据核对 page lists every quarantined file with its error, or has no such section when none was', () => {
  if (quarantined.length === 0) {
    assert.equal(section, null, 'no 未能读取的文件 section without quarantined files');
    return;
  }
  assert.ok(section, 'a 未能读取的文件 section');
  const items = [...section.querySelectorAll('li')].map((li) => li.textContent ?? '');
  assert.equal(items.length, quarantined.length);
  for (const q of quarantined) assert.ok(items.some((t) => t.includes(q['source_file'] ?? '') && t.includes(q['error'] ?? '')), q['source_file'] ?? '');
});
