// Citations point at the official origin of a disclosure (documents.official_url, published_date)
// when it is known, and at the site's copy (/source/<doc_id>/) otherwise — never at a made-up address
// or date. Today every document's origin is unknown (sources.json: the files came from collections,
// not from the governments' sites), so the known case is the same documents row with its origin filled.
// Assumes `npm run build` has produced public/data (`npm test` builds first).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cite, citeChart, citedDoc, citedDocs, type CitedDoc } from '../../src/lib/cite.ts';
import { documents } from '../../src/lib/cities.ts';
import { absoluteIn, hrefIn, siteLocation } from '../../src/lib/site.ts';

const ZZ = 'zhengzhou-2024-rlzyhshbzj-budget';
const loc = siteLocation('https://data.example.cn/');
const OFFICIAL = 'https://rsj.zhengzhou.gov.cn/tzgg/8123456.jhtml';

async function zhengzhou(origin: { official_url: string | null; published_date: string | null }): Promise<CitedDoc> {
  const all = await documents();
  const row = all.find((d) => d.doc_id === ZZ)!;
  return citedDoc({ ...row, ...origin }, all);
}

function citeWith(doc: CitedDoc) {
  return cite({
    url: 'https://data.example.cn/city/zhengzhou/#c', dataUrl: 'https://data.example.cn/data/',
    what: { zh: '“三公”经费', en: 'chart c', kind: 'chart' }, docs: [doc], key: 'c',
    sourceUrl: (id) => absoluteIn(loc, hrefIn(loc.base, `source/${id}/`)),
  });
}

describe('citations name where the government published a disclosure, when known', () => {
  test('the documents rows say “not known” as null, and the chart citations built from them use our copy', async () => {
    const [z] = await citedDocs([ZZ]);
    assert.ok(z);
    assert.equal(z.officialUrl, null);
    assert.equal(z.published, null);
    const c = await citeChart(loc, { id: `${ZZ}-three-public`, title: '“三公”经费', page: '/city/zhengzhou/', docIds: [ZZ] });
    const copy = `https://data.example.cn/source/${ZZ}/`;
    for (const [style, s] of Object.entries(c)) assert.ok(s.includes(copy), `${style} points at our copy ${copy}: ${s}`);
  });

  test('unknown origin: the site’s source page, and no publication date (APA: n.d.)', async () => {
    const c = citeWith(await zhengzhou({ official_url: null, published_date: null }));
    const copy = `https://data.example.cn/source/${ZZ}/`;
    assert.ok(c.gbt.includes(`郑州市人力资源和社会保障局. 2024年郑州市人力资源和社会保障局部门预算公开[EB/OL]. 预算透视 Budget Lens 存档：${copy}`), c.gbt);
    assert.ok(c.apa.includes(`郑州市人力资源和社会保障局 (n.d.), 2024年郑州市人力资源和社会保障局部门预算公开, archived by Budget Lens at ${copy}`), c.apa);
    assert.ok(c.bibtex.includes(`存档 \\url{${copy}}`), c.bibtex);
    for (const s of Object.values(c)) assert.ok(!s.includes('gov.cn'), s);
  });

  test('known origin: the official URL and its date, not our copy', async () => {
    const c = citeWith(await zhengzhou({ official_url: OFFICIAL, published_date: '2024-02-06' }));
    assert.ok(c.gbt.includes(`郑州市人力资源和社会保障局. 2024年郑州市人力资源和社会保障局部门预算公开[EB/OL]. (2024-02-06). ${OFFICIAL}`), c.gbt);
    assert.ok(c.apa.includes(`郑州市人力资源和社会保障局 (2024-02-06), 2024年郑州市人力资源和社会保障局部门预算公开, ${OFFICIAL}`), c.apa);
    assert.ok(c.bibtex.includes(`2024-02-06 发布，\\url{${OFFICIAL}}`), c.bibtex);
    for (const s of Object.values(c)) assert.ok(!s.includes(`/source/${ZZ}/`), `no pointer at our copy: ${s}`);
  });

  test('an official URL without a known date: the URL, and still no date', async () => {
    const c = citeWith(await zhengzhou({ official_url: OFFICIAL, published_date: null }));
    assert.ok(c.gbt.includes(`[EB/OL]. ${OFFICIAL}`), c.gbt);
    assert.ok(c.apa.includes('(n.d.)') && c.apa.includes(OFFICIAL), c.apa);
    assert.ok(!/发布/.test(c.bibtex) && c.bibtex.includes(`\\url{${OFFICIAL}}`), c.bibtex);
  });
});
