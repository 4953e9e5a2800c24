// In Debian's chromium: addresses of former document ids land on the new pages (with the #L line
// when JavaScript runs, on the page without it), and a PDF's source page (page headings linking
// into the PDF) is accessible at phone and desktop widths.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openPage, readCsv, ROOT, runAxe, screenshot, useSite, VIEWPORTS } from './browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const renamed = documents.filter((d) => d['legacy_doc_id']);
const pdf = documents.find((d) => d['source_format'] === 'pdf' && Number(d['page_count']) > 1);

describe('former addresses and PDF source pages', () => {
  const site = useSite();

  test('an old /source/<id>/#L… address opens the new page at that line', { skip: renamed.length === 0 }, async () => {
    const p = await openPage(site.browser, site.server.origin, { width: 1280, height: 800 });
    try {
      for (const d of renamed) {
        await p.page.goto(`${site.server.origin}/source/${d['legacy_doc_id']}/#L3`);
        await p.page.waitForURL(`${site.server.origin}/source/${d['doc_id']}/#L3`);
        await p.page.waitForFunction(() => document.getElementById('L3')?.classList.contains('hl'));
      }
      // A range, and an embed whose chart id held the old id.
      const zz = renamed.find((d) => d['legacy_doc_id'] === 'zhengzhou-2024-budget');
      if (zz) {
        await p.page.goto(`${site.server.origin}/source/zhengzhou-2024-budget/#L259-L280`);
        await p.page.waitForURL(`${site.server.origin}/source/${zz['doc_id']}/#L259-L280`);
        await p.page.waitForFunction(() => document.querySelectorAll('pre.src .hl').length === 22);
        await p.page.goto(`${site.server.origin}/embed/zhengzhou-2024-budget-three-public/`);
        await p.page.waitForURL(`${site.server.origin}/embed/${zz['doc_id']}-three-public/`);
        assert.equal(await p.page.locator('figure.chart svg').count(), 1);
      }
      assert.deepEqual(p.errors, []);
      assert.deepEqual(p.foreignRequests(), []);
    } finally {
      await p.close();
    }
  });

  test('without JavaScript the meta refresh still takes the reader to the new page', { skip: renamed.length === 0 }, async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const d = renamed[0]!;
      await page.goto(`${site.server.origin}/source/${d['legacy_doc_id']}/`);
      await page.waitForURL(`${site.server.origin}/source/${d['doc_id']}/`);
      assert.equal(await page.locator('h1').textContent(), d['title']);
    } finally {
      await context.close();
    }
  });

  for (const viewport of VIEWPORTS) {
    test(`a PDF's source page at ${viewport.width}px: page headings open the PDF at that page; axe clean`, { skip: !pdf }, async () => {
      const id = pdf!['doc_id']!;
      const p = await openPage(site.browser, site.server.origin, viewport);
      try {
        const res = await p.page.goto(`${site.server.origin}/source/${id}/`, { waitUntil: 'networkidle' });
        assert.equal(res?.status(), 200);
        const heading = p.page.getByRole('heading', { name: '=== 第 2 页 ===' });
        assert.equal(await heading.count(), 1, 'page 2 is a heading');
        const link = heading.getByRole('link');
        assert.equal(await link.getAttribute('href'), `/sources/${id}.pdf#page=2`);
        const file = await fetch(`${site.server.origin}/sources/${id}.pdf`);
        assert.equal(file.status, 200);
        assert.match(file.headers.get('content-type') ?? '', /^application\/pdf/);
        assert.equal((await file.arrayBuffer()).byteLength > 1000, true);

        // The 页码 list goes to the page's first line, which is highlighted like any line.
        await p.page.locator('.page-toc a', { hasText: '第 2 页' }).click();
        const line = await p.page.evaluate(() => location.hash);
        assert.match(line, /^#L\d+$/);
        assert.equal(await p.page.locator(`${line} [role="heading"]`).count(), 1);

        const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
        const violations = await runAxe(p.page);
        assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
        await screenshot(p.page, `source-pdf-${viewport.width}`);
        assert.deepEqual(p.errors, []);
        assert.deepEqual(p.foreignRequests(), []);
      } finally {
        await p.close();
      }
    });
  }
});
