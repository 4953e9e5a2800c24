// After the build: every address that held a document's former id (documents.legacy_doc_id) keeps
// working. HTML pages become small redirect pages (/redirect.js, which keeps a #L257; a meta refresh
// for readers without JavaScript; a canonical link and a visible link); files a static host cannot
// redirect (the text, a chart's SVG and CSV) are served again under the old name.
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A document's id, and its former id if it had one. */
export interface DocId { id: string; legacy: string | null }

/** From the published documents.csv (the dataset, never a hand-kept list). */
export function docIds(documentsCsv: string): DocId[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(documentsCsv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return data.map((d) => ({ id: d['doc_id']!, legacy: d['legacy_doc_id'] && d['legacy_doc_id'] !== d['doc_id'] ? d['legacy_doc_id'] : null }));
}

/** The page left at an old address: it names where the content went, with or without JavaScript. */
export function redirectPage(to: string, what: string, base: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>已迁移：${esc(what)} · 预算透视 Budget Lens</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${esc(to)}">
<script src="${base}redirect.js"></script>
<noscript><meta http-equiv="refresh" content="0; url=${esc(to)}"></noscript>
</head>
<body>
<main>
<h1>${esc(what)}的地址已改变</h1>
<p>文件编号改为包含部门名称后，这个网址已迁移。新地址：<a href="${esc(to)}">${esc(to)}</a></p>
</main>
</body>
</html>
`;
}

/**
 * A chart id's former name: `zhengzhou-2024-rlzyhshbzj-budget-three-public` → `zhengzhou-2024-budget-three-public`.
 * Chart ids hold a doc_id whole, between dashes; the longest id found is the chart's document
 * (`…-swwyh-budget-unit-…` is the unit budget's chart, not the department budget's).
 */
export function formerChartId(chartId: string, docs: DocId[]): string | null {
  const padded = `-${chartId}-`;
  const owner = docs.filter((d) => padded.includes(`-${d.id}-`)).sort((a, b) => b.id.length - a.id.length)[0];
  if (!owner?.legacy) return null;
  const at = padded.indexOf(`-${owner.id}-`);
  return `${chartId.slice(0, at)}${owner.legacy}${chartId.slice(at + owner.id.length)}`;
}

export function writeRedirects(out: string, base: string, docs: DocId[]): number {
  let n = 0;
  const page = (dir: string, to: string, what: string) => {
    // Never over a page the build made: an old id could come back as a new one.
    if (existsSync(join(out, dir, 'index.html'))) return;
    mkdirSync(join(out, dir), { recursive: true });
    writeFileSync(join(out, dir, 'index.html'), redirectPage(to, what, base));
    n++;
  };
  const copy = (from: string, to: string) => {
    if (!existsSync(from) || existsSync(to)) return;
    copyFileSync(from, to);
    n++;
  };
  const embeds = existsSync(join(out, 'embed')) ? readdirSync(join(out, 'embed')) : [];
  for (const { id, legacy } of docs) {
    if (!legacy) continue;
    page(join('source', legacy), `${base}source/${id}/`, `原文 ${legacy}`);
    if (existsSync(join(out, 'explore', id, 'index.html'))) page(join('explore', legacy), `${base}explore/${id}/`, `项目支出 ${legacy}`);
    copy(join(out, 'sources', `${id}.txt`), join(out, 'sources', `${legacy}.txt`));
  }
  for (const chart of embeds) {
    const old = formerChartId(chart, docs);
    if (!old) continue;
    page(join('embed', old), `${base}embed/${chart}/`, `图表 ${old}`);
    for (const f of ['chart.svg', 'data.csv']) copy(join(out, 'embed', chart, f), join(out, 'embed', old, f));
  }
  return n;
}

export function redirects(): AstroIntegration {
  let base = '/';
  return {
    name: 'budget-lens-redirects',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base.replace(/\/?$/, '/'); },
      // Runs after the embeds integration (listed after it), so the charts' embed pages exist.
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const csv = join(out, 'data', 'documents.csv');
        if (!existsSync(csv)) return;
        const n = writeRedirects(out, base, docIds(csv));
        if (n > 0) logger.info(`${n} pages and files kept at former document ids`);
      },
    },
  };
}
