// The public URL (issue 13, items 1 and 3): SITE_URL → Astro's site and base, the URLs pages give out
// (embed snippets, citations, canonical links), the citations' wording, and what a build without
// SITE_URL (the normal test build, dist/) says about itself. The build under a sub-path is
// tests/site/subpath.test.ts. Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST } from '../e2e/browser.ts';
import { absoluteIn, hrefIn, normalBase, PREVIEW_NOTICE, siteLocation } from '../../src/lib/site.ts';
import { citeChart, citeDataset, citeTable, cite, citedDocs, datapackage, sourceCredit } from '../../src/lib/cite.ts';
import { embedPage } from '../../src/integrations/embeds.ts';
import { redirectPage } from '../../src/integrations/redirects.ts';
import { siteUrlNotice } from '../../src/integrations/siteUrl.ts';
import type { RegisteredChart } from '../../src/lib/chartRegistry.ts';
import { documents } from '../../src/lib/cities.ts';

const PLACEHOLDER = 'budgetlens.example';
/** The normal test build has no SITE_URL; if dist/ was built with one, the preview checks do not apply. */
const BUILT_WITH_SITE = siteLocation(process.env['SITE_URL']).site;
const previewOnly = { skip: BUILT_WITH_SITE ? `SITE_URL is set (${BUILT_WITH_SITE}): dist/ is not a local preview` : false };
const ZZ = 'zhengzhou-2024-rlzyhshbzj-budget';
const ZZ_CHART = `${ZZ}-three-public`;
const ZZ_PUBLISHER = '郑州市人力资源和社会保障局';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}
const TEXT = /\.(html|js|mjs|css|json|txt|svg|xml|csv|webmanifest)$/;
const doc = (path: string) => parseHTML(readFileSync(join(DIST, path), 'utf8')).document as unknown as Document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A textarea's text (linkedom leaves its character references as they are). */
const rcdata = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

describe('SITE_URL → site and base', () => {
  test('unset or blank: a local preview at /', () => {
    assert.deepEqual(siteLocation(undefined), { site: null, base: '/' });
    assert.deepEqual(siteLocation('  '), { site: null, base: '/' });
  });

  test('a domain root, with or without its slash', () => {
    assert.deepEqual(siteLocation('https://data.example.cn/'), { site: 'https://data.example.cn/', base: '/' });
    assert.deepEqual(siteLocation('https://data.example.cn'), { site: 'https://data.example.cn/', base: '/' });
  });

  test('a sub-path becomes the base, with a slash at both ends', () => {
    assert.deepEqual(siteLocation('https://news.example.cn/data/lens/'), { site: 'https://news.example.cn/data/lens/', base: '/data/lens/' });
    assert.deepEqual(siteLocation('https://news.example.cn/data/lens'), { site: 'https://news.example.cn/data/lens/', base: '/data/lens/' });
    assert.deepEqual(siteLocation('http://127.0.0.1:8080/lens//'), { site: 'http://127.0.0.1:8080/lens/', base: '/lens/' });
  });

  test('anything but an absolute http(s) URL is refused, with what was given', () => {
    assert.throws(() => siteLocation('news.example.cn/data/lens/'), /SITE_URL must be an absolute URL.*news\.example\.cn/);
    assert.throws(() => siteLocation('ftp://news.example.cn/'), /http\(s\)/);
    assert.throws(() => siteLocation('https://news.example.cn/lens/?x=1'), /query/);
    assert.throws(() => siteLocation('https://news.example.cn/lens/#top'), /fragment/);
  });
});

describe('link helpers under base /data/lens/', () => {
  const lens = siteLocation('https://news.example.cn/data/lens/');
  test('hrefIn puts every site path under the base', () => {
    assert.equal(hrefIn(lens.base, ''), '/data/lens/');
    assert.equal(hrefIn(lens.base, 'source/x/'), '/data/lens/source/x/');
    assert.equal(hrefIn(lens.base, '/source/x/#L3'), '/data/lens/source/x/#L3');
    assert.equal(hrefIn('/data/lens', 'data/'), '/data/lens/data/', 'a base without its trailing slash (as Astro may give it)');
    assert.equal(hrefIn('/', 'embed.js'), '/embed.js');
    assert.equal(normalBase(undefined), '/');
  });

  test('absoluteIn: under the site with SITE_URL; the href as it is in a local preview', () => {
    assert.equal(absoluteIn(lens, hrefIn(lens.base, 'embed/c/')), 'https://news.example.cn/data/lens/embed/c/');
    assert.equal(absoluteIn(lens, '/data/lens/city/zhengzhou/#c'), 'https://news.example.cn/data/lens/city/zhengzhou/#c', 'a page pathname holds the base already');
    const root = siteLocation('https://data.example.cn/');
    assert.equal(absoluteIn(root, hrefIn(root.base, 'data/')), 'https://data.example.cn/data/');
    const preview = siteLocation(undefined);
    assert.equal(absoluteIn(preview, hrefIn(preview.base, 'embed/c/')), '/embed/c/');
  });
});

describe('citations name place, department, year and chart, under SITE_URL', () => {
  // The chart as the built page titles it.
  const page = existsSync(join(DIST, 'city', 'zhengzhou', 'index.html')) ? doc('city/zhengzhou/index.html') : null;
  const chartTitle = text(page?.querySelector(`#${ZZ_CHART}-title`));

  test('the 郑州 2024 “三公” chart is on the built page', () => {
    assert.ok(page, 'dist/city/zhengzhou/ was not built');
    assert.ok(chartTitle, `${ZZ_CHART} has a title`);
  });

  for (const [label, siteUrl, pagePath] of [
    ['SITE_URL=https://data.example.cn/', 'https://data.example.cn/', '/city/zhengzhou/'],
    ['SITE_URL=https://news.example.cn/data/lens/', 'https://news.example.cn/data/lens/', '/data/lens/city/zhengzhou/'],
  ] as const) {
    test(`GB/T 7714, APA and BibTeX (${label})`, async () => {
      const loc = siteLocation(siteUrl);
      const c = await citeChart(loc, { id: ZZ_CHART, title: chartTitle, page: pagePath, docIds: [ZZ] });
      const dataUrl = `${siteUrl}data/`;
      const chartUrl = `${siteUrl}city/zhengzhou/#${ZZ_CHART}`;
      for (const [style, s] of Object.entries(c)) {
        assert.ok(s.includes(ZZ_PUBLISHER), `${style} names the department with its place: ${s}`);
        assert.ok(s.includes('2024'), `${style} names the year: ${s}`);
        assert.ok(s.includes(chartTitle), `${style} names the chart: ${s}`);
        assert.ok(s.includes(dataUrl), `${style} gives the data set's URL ${dataUrl}: ${s}`);
        assert.ok(s.includes(chartUrl), `${style} gives the chart's URL ${chartUrl}: ${s}`);
        assert.ok(!s.replace(/https?:\/\/\S+|^@misc\{[^,]+,/g, '').includes(ZZ), `${style} names the document, not its id (but in URLs and the BibTeX key): ${s}`);
        assert.ok(!s.includes(PLACEHOLDER), style);
      }
      assert.match(c.gbt, /\[DS\/OL\]/);
      assert.ok(c.gbt.includes(`${ZZ_PUBLISHER}2024年部门预算：${chartTitle}`), c.gbt);
      assert.ok(c.gbt.includes(datapackage().version) && c.apa.includes(`Version ${datapackage().version}`));
      assert.match(c.apa, /^Budget Lens\. \(\d{4}\)\. .*\[Chart; from .*\[Data set\]/);
      assert.match(c.bibtex, new RegExp(`^@misc\\{budgetlens:${ZZ_CHART},\\n`));
      assert.match(c.bibtex, new RegExp(`\\n  url += \\{${chartUrl.replace(/[.?#]/g, '\\$&')}\\}`));
      assert.match(c.bibtex, /\n\}$/);
      // Balanced braces: the entry parses.
      let depth = 0;
      for (const ch of c.bibtex.replace(/\\[{}]/g, '')) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        assert.ok(depth >= 0);
      }
      assert.equal(depth, 0);
    });
  }

  test('a department the title does not name: 上海市普陀区商务委员会, by its title', async () => {
    const [d] = await citedDocs(['shanghai-putuo-2025-swwyh-budget']);
    assert.ok(d);
    assert.equal(d.publisher, '上海市普陀区商务委员会');
    assert.equal(sourceCredit(d), '上海市普陀区商务委员会《上海市普陀区2025年区级部门预算》');
    const [z] = await citedDocs([ZZ]);
    assert.equal(sourceCredit(z!), '《2024年郑州市人力资源和社会保障局部门预算公开》', 'the title names the department already');
  });

  test('the dataset and a table, and BibTeX escapes TeX’s special characters', () => {
    const loc = siteLocation('https://data.example.cn/');
    const ds = citeDataset(loc);
    assert.ok(ds.gbt.includes('https://data.example.cn/data/') && ds.apa.includes('https://data.example.cn/data/') && ds.bibtex.includes('https://data.example.cn/data/'));
    const t = citeTable(loc, { name: 'projects', title: '项目支出', description: 'Projects' });
    assert.ok(t.gbt.includes('https://data.example.cn/data/#table-projects') && t.gbt.includes('项目支出'));
    assert.match(t.bibtex, /@misc\{budgetlens:table-projects,/);
    const odd = cite({ url: 'https://data.example.cn/x/', dataUrl: 'https://data.example.cn/data/', what: { zh: '50% & more_#1 {x}', en: 'x', kind: 'chart' } });
    assert.ok(odd.bibtex.includes('50\\% \\& more\\_\\#1 \\{x\\}'), odd.bibtex);
  });
});

describe('pages built with a site: embed pages and redirects', () => {
  const chart: RegisteredChart = {
    id: 'c1', title: '图', takeaway: '要点', alt: '说明', svg: '<svg data-width="640" data-height="400"></svg>',
    columns: [{ key: 'a', label: 'A', kind: 'money' }], rows: [{ a: 1 }],
    sources: [{ docId: ZZ, line: 3, lineEnd: 5 }], page: '/data/lens/city/zhengzhou/',
    credits: { [ZZ]: '《2024年郑州市人力资源和社会保障局部门预算公开》' },
    citation: { gbt: 'G', apa: 'A', bibtex: '@misc{k,\n}' },
    subtitle: '郑州市人力资源和社会保障局2024年部门预算', rowSources: [{ docId: ZZ, line: 3, lineEnd: 5, page: null }],
  };

  test('an embed page links under the base, credits the document by title, and is canonical under SITE_URL', () => {
    const html = embedPage(chart, siteLocation('https://news.example.cn/data/lens/'), 'v1');
    assert.ok(html.includes('<link rel="canonical" href="https://news.example.cn/data/lens/city/zhengzhou/#c1">'));
    assert.ok(html.includes('href="/data/lens/city/zhengzhou/#c1" target="_top">查看完整页面'), 'the page path is not given the base twice');
    assert.ok(html.includes('href="/data/lens/source/zhengzhou-2024-rlzyhshbzj-budget/#L3-L5"'));
    assert.ok(html.includes('href="/data/lens/embed.css"') && html.includes('src="/data/lens/embed-frame.js"'));
    assert.ok(html.includes('来源：《2024年郑州市人力资源和社会保障局部门预算公开》（<a'));
    assert.ok(html.includes('BibTeX') && !html.includes('本地预览'));
  });

  test('an embed page in a local preview: site-relative, and says so', () => {
    const html = embedPage({ ...chart, page: '/city/zhengzhou/' }, siteLocation(undefined), 'v1');
    assert.ok(html.includes('<link rel="canonical" href="/city/zhengzhou/#c1">'));
    assert.ok(html.includes('本地预览：未设置 SITE_URL'));
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org)/);
  });

  test('a redirect page under the base', () => {
    const html = redirectPage('/data/lens/source/new/', '原文 old', '/data/lens/');
    assert.ok(html.includes('<script src="/data/lens/redirect.js">') && html.includes('href="/data/lens/source/new/"'));
  });
});

describe('a build without SITE_URL says so', () => {
  async function stderrOf(site: string | undefined): Promise<string> {
    const integration = siteUrlNotice();
    const hooks = integration.hooks as Record<string, (arg: unknown) => unknown>;
    const write = process.stderr.write;
    let out = '';
    process.stderr.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stderr.write;
    try {
      await hooks['astro:config:done']!({ config: { site } });
      await hooks['astro:build:start']!({});
    } finally {
      process.stderr.write = write;
    }
    return out;
  }

  test('one line on stderr when the build starts; nothing with SITE_URL', async () => {
    const out = await stderrOf(undefined);
    assert.equal(out.split('\n').filter(Boolean).length, 1, out);
    assert.ok(out.includes(PREVIEW_NOTICE));
    assert.equal(await stderrOf('https://data.example.cn/'), '');
  });

  const all = existsSync(DIST) ? files(DIST) : [];
  const pages = all.filter((f) => f.endsWith('.html'));

  test(`no file in dist/ holds the placeholder ${PLACEHOLDER}`, () => {
    assert.ok(pages.length > 0, 'no HTML in dist/: run `npm run build` first');
    for (const f of all.filter((x) => TEXT.test(x))) {
      assert.ok(!readFileSync(f, 'utf8').includes(PLACEHOLDER), `${relative(DIST, f)} holds ${PLACEHOLDER}`);
    }
  });

  test('every page says in its footer that it is a local preview', previewOnly, () => {
    const site = pages.filter((f) => !/^(embed)\//.test(relative(DIST, f)) && readFileSync(f, 'utf8').includes('class="site-footer"'));
    assert.ok(site.length >= 10, `${site.length} site pages`);
    for (const f of site) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      assert.match(text(document.querySelector('.site-footer .preview-note')), /本地预览：未设置 SITE_URL/, relative(DIST, f));
    }
  });

  test('snippets and citations hold no absolute URL of the site: site-relative, and the page says why', previewOnly, async () => {
    const page = doc('city/zhengzhou/index.html');
    const snippet = rcdata(page.querySelector(`#${ZZ_CHART}-snippet`));
    assert.ok(snippet.includes(`<iframe src="/embed/${ZZ_CHART}/"`) && snippet.includes('<script src="/embed.js" async>'), snippet);
    assert.ok(text(page.querySelector(`#${ZZ_CHART} .chart-menu-embed`)).includes('本地预览：未设置 SITE_URL'));
    const cited = text(page.querySelector(`#${ZZ_CHART} .chart-menu-cite`));
    assert.ok(cited.includes(`/city/zhengzhou/#${ZZ_CHART}`) && cited.includes('/data/'), cited);
    assert.ok(cited.includes(ZZ_PUBLISHER) && cited.includes('BibTeX') && cited.includes('@misc{'), cited);
    const official = (await documents()).flatMap((d) => (d.official_url ? [d.official_url] : []));
    for (const f of pages) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      for (const el of document.querySelectorAll('.chart-menu textarea, .chart-menu-cite, .citation, .chart-cite')) {
        // A disclosure's official address (documents.official_url) is another site's, and stays absolute.
        const ours = official.reduce((t, u) => t.split(u).join(''), rcdata(el));
        assert.doesNotMatch(ours, /https?:\/\//, `${relative(DIST, f)}: an absolute URL in a snippet or citation of a local preview`);
      }
    }
  });

  test('chart footers and embed pages credit sources by document title, never by id', () => {
    const ids = datapackage().sources.map((s) => s.path.replace(/^.*\/|\.\w+$/g, ''));
    let figures = 0;
    for (const f of pages) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      for (const el of document.querySelectorAll('figcaption.chart-source')) {
        figures++;
        const t = text(el);
        assert.match(t, /《[^》]+》/, `${relative(DIST, f)}: ${t}`);
        for (const id of ids) assert.ok(!t.includes(id), `${relative(DIST, f)}: ${t}`);
      }
      for (const a of document.querySelectorAll('a.source-link[title]')) {
        for (const id of ids) assert.ok(!a.getAttribute('title')!.includes(id), `${relative(DIST, f)}: ${a.getAttribute('title')}`);
      }
    }
    assert.ok(figures > 50, `${figures} chart footers`);
    const embed = text(doc(`embed/${ZZ_CHART}/index.html`).querySelector('figcaption.chart-source'));
    assert.ok(embed.startsWith('来源：《2024年郑州市人力资源和社会保障局部门预算公开》（'), embed);
  });

  test('the data page cites the dataset and every table in three styles', () => {
    const page = doc('data/index.html');
    const lists = [...page.querySelectorAll('dl.citation')];
    assert.ok(lists.length > 5);
    for (const dl of lists) assert.deepEqual([...dl.querySelectorAll('dt')].map(text), ['GB/T 7714', 'APA', 'BibTeX']);
    assert.ok(text(page.querySelector('#table-projects .citation')).includes('#table-projects'));
  });
});
