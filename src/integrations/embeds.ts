// After the build: /embed/<chart-id>/ for every chart any page rendered (see chartRegistry.ts),
// with the chart alone, its standalone SVG and its data as CSV.
import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTRY_FILE, chartCsv, registeredCharts, type RegisteredChart } from '../lib/chartRegistry.ts';
import { grouped } from '../lib/format.ts';
import { absoluteIn, type SiteLocation } from '../lib/site.ts';
import { framedSvg } from '../lib/chartFrame.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sourceHref(base: string, s: RegisteredChart['sources'][number]): string {
  return `${base}source/${s.docId}/#L${s.line}${s.lineEnd && s.lineEnd > s.line ? `-L${s.lineEnd}` : ''}`;
}

/** What the chart's numbers are in, from its columns' kinds. */
function unitOf(c: RegisteredChart): string {
  const kinds = new Set(c.columns.map((col) => col.kind));
  if (kinds.has('money')) return '金额单位：万元';
  if (kinds.has('pct')) return '单位：%（占比）';
  return '单位：个（计数）';
}

/** "第 160 行", "第 4809–4967 行", or the link's own label ("第 3 页"). */
const linesText = (s: RegisteredChart['sources'][number]) => s.label ?? `第 ${s.line}${s.lineEnd && s.lineEnd > s.line ? `–${s.lineEnd}` : ''} 行`;

/**
 * The SVG as a file of its own, which says what it is: title, subtitle (who, where, which year), unit,
 * the chart, its source (each document by its title, with the lines), and 预算透视 Budget Lens with
 * the data version and the chart's page, with margins (chartFrame.ts; the PNG is drawn from it).
 */
export function standaloneSvg(c: RegisteredChart, where: SiteLocation, version: string): string {
  const m = /data-width="([\d.]+)" data-height="([\d.]+)"/.exec(c.svg);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [420, 300];
  let chart = c.svg;
  if (!/xmlns=/.test(chart)) chart = chart.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  const docs = [...new Set(c.sources.map((s) => s.docId))];
  const source = docs.map((d, i) => `${i === 0 ? '来源：' : ''}${c.credits?.[d] ?? d} ${c.sources.filter((s) => s.docId === d).map(linesText).join('、')}${i === docs.length - 1 ? '。' : '；'}`);
  const credit = [`预算透视 Budget Lens · 数据版本 ${version}`, absoluteIn(where, `${c.page}#${c.id}`)];
  return framedSvg({ chart, width, height, title: c.title, subtitle: c.subtitle, unit: unitOf(c), source, credit, alt: c.alt }).svg;
}

/** `where.base` is the site's base; `where.site` its absolute root under SITE_URL, or null in a local preview build. */
export function embedPage(c: RegisteredChart, where: SiteLocation, version: string): string {
  const base = where.base;
  // c.page is the page's pathname (the base included).
  const pageHref = `${c.page}#${c.id}`;
  const cell = (col: RegisteredChart['columns'][number], v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (col.kind === 'pct') return `${(Number(v) * 100).toFixed(1).replace(/\.0$/, '')}%`;
    if (col.kind === 'money' || col.kind === 'number') return grouped(Number(v), 2);
    return esc(String(v));
  };
  const num = (col: RegisteredChart['columns'][number]) => col.kind === 'money' || col.kind === 'pct' || col.kind === 'number';
  // As on the page: each document by its title, then links to its lines.
  const link = (s: RegisteredChart['sources'][number]) => `<a href="${sourceHref(base, s)}" target="_top">${s.label ? esc(s.label) : `第 ${s.line}${s.lineEnd && s.lineEnd > s.line ? `–${s.lineEnd}` : ''} 行`}</a>`;
  const sources = [...new Set(c.sources.map((s) => s.docId))]
    .map((d) => `${esc(c.credits?.[d] ?? d)}（${c.sources.filter((s) => s.docId === d).map(link).join('、')}）`).join('；');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(c.title)} · 预算透视 Budget Lens</title>
<meta name="robots" content="noindex">
<meta name="description" content="${esc(c.takeaway)}">
<link rel="icon" href="data:,">
<link rel="canonical" href="${esc(absoluteIn(where, pageHref))}">
<link rel="stylesheet" href="${base}embed.css">
</head>
<body>
<main class="embed">
<figure class="chart" id="${esc(c.id)}" aria-labelledby="${esc(c.id)}-title" data-chart-id="${esc(c.id)}">
<h1 id="${esc(c.id)}-title" class="chart-title">${esc(c.title)}</h1>
<p class="chart-takeaway">${esc(c.takeaway)}</p>
<div class="chart-svg">${c.svg}</div>
<details class="chart-data"><summary>查看数据表（${c.rows.length} 行）</summary>
<div class="table-scroll" role="region" aria-label="${esc(c.title)}：数据表" tabindex="0"><table><thead><tr>${c.columns.map((col) => `<th scope="col"${num(col) ? ' class="num"' : ''}>${esc(col.label)}</th>`).join('')}</tr></thead>
<tbody>${c.rows.map((r) => `<tr>${c.columns.map((col) => `<td${num(col) ? ' class="num"' : ''}>${cell(col, r[col.key])}</td>`).join('')}</tr>`).join('')}</tbody></table></div>
</details>
<figcaption class="chart-source">来源：${sources}。金额单位：万元。</figcaption>
</figure>
${c.citation ? `<details class="chart-cite" style="font-size:.8rem;color:#555;margin-top:.5rem"><summary style="cursor:pointer;color:#0b5cad">引用</summary>
<p>GB/T 7714：${esc(c.citation.gbt)}</p>
<p lang="en">APA：${esc(c.citation.apa)}</p>
<p>BibTeX：</p>
<pre class="chart-bibtex" style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0">${esc(c.citation.bibtex)}</pre>
</details>
` : ''}<footer class="embed-footer"><a href="${base}" target="_top">预算透视 Budget Lens</a> · 数据版本 ${esc(version)} · <a href="${esc(pageHref)}" target="_top">查看完整页面</a> · <a href="data.csv" download="${esc(c.id)}.csv">下载数据</a>${where.site ? '' : '<br><span class="preview-note">本地预览：未设置 SITE_URL</span>'}</footer>
</main>
<script src="${base}embed-frame.js" defer></script>
</body>
</html>
`;
}

export function embeds(): AstroIntegration {
  let where: SiteLocation = { site: null, base: '/' };
  return {
    name: 'budget-lens-embeds',
    hooks: {
      'astro:config:done': ({ config }) => {
        const base = config.base.replace(/\/?$/, '/');
        where = { site: config.site ? new URL(base, config.site).toString() : null, base };
      },
      'astro:build:start': () => { rmSync(REGISTRY_FILE, { force: true }); },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pkgPath = join(out, 'data', 'datapackage.json');
        const version = existsSync(pkgPath) ? (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version : '';
        const charts = registeredCharts();
        if (charts.length === 0) return;
        for (const c of charts) {
          const dirOut = join(out, 'embed', c.id);
          mkdirSync(dirOut, { recursive: true });
          writeFileSync(join(dirOut, 'index.html'), embedPage(c, where, version));
          writeFileSync(join(dirOut, 'chart.svg'), standaloneSvg(c, where, version));
          writeFileSync(join(dirOut, 'data.csv'), chartCsv(c));
        }
        logger.info(`${charts.length} chart embeds written to embed/`);
      },
    },
  };
}
