// Page weight per page type: what one page of each type costs to load, raw and gzipped.
//
// The page is loaded in chromium (production server) and every file it requests before the network
// is idle (request events and the page's own resource timing) is counted, by type; the document's inline <style>, <script> and <svg> are counted as CSS,
// JS and SVG rather than HTML. "JS loaded" is the JavaScript the page loads by itself (no clicks);
// "JS to read" is 0 when the page shows the same text with JavaScript switched off (it is then only
// an enhancement), else all of it. The explorer's engine is loaded on the first Run, not here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { fileEntry } from './server.ts';

export const PAGE_TYPES = ['home', 'city', 'topic', 'source', 'data', 'explore', 'drill', 'embed', 'other'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export function pageType(rel: string): PageType {
  const p = `/${rel.replace(/\\/g, '/')}`;
  if (p === '/index.html') return 'home';
  const first = p.split('/')[1] ?? '';
  if (first === 'city' || first === 'topic' || first === 'source' || first === 'embed') return first;
  if (p === '/data/index.html') return 'data';
  if (p === '/explore/index.html') return 'explore';
  // /explore/<doc_id>/: one document's drill-down.
  if (first === 'explore') return 'drill';
  return 'other';
}

const KINDS = ['html', 'css', 'js', 'svg', 'data', 'other'] as const;
type Kind = (typeof KINDS)[number];

export interface Bytes { raw: number; gzip: number }
export interface PageWeight {
  type: PageType;
  /** Pages of this type in dist/. */
  pages: number;
  /** The page measured: the largest HTML file of its type. */
  page: string;
  bytes: Record<Kind, Bytes>;
  total: Bytes;
  /** JavaScript the page loads by itself (external + inline), raw and gzip. */
  jsLoaded: Bytes;
  /** Share of the page's visible text there with JavaScript off (1 = all of it). */
  textWithoutJs: number;
  /** JavaScript needed to read the page: 0 when its text is all there without JavaScript, else jsLoaded. */
  jsToRead: Bytes;
  /** Files requested (document included). */
  requests: number;
  /** The script files the page loaded, and whether it has inline scripts. */
  scripts: string[];
}

function kindOf(path: string, resourceType: string): Kind {
  const p = path.toLowerCase();
  if (/\.(js|mjs)$/.test(p) || resourceType === 'script') return 'js';
  if (p.endsWith('.css') || resourceType === 'stylesheet') return 'css';
  if (p.endsWith('.svg')) return 'svg';
  if (p.endsWith('.html') || resourceType === 'document') return 'html';
  if (/\.(json|csv|parquet|txt|wasm|zip)$/.test(p) || resourceType === 'fetch' || resourceType === 'xhr') return 'data';
  return 'other';
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 6 }).length;
const size = (s: string) => Buffer.byteLength(s);

/** The document split into its HTML and its inline CSS, JS and SVG. */
export function splitInline(html: string): { html: string; css: string; js: string; svg: string; data: string } {
  let css = '', js = '', svg = '', data = '';
  let rest = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, (m) => ((css += m), ''));
  rest = rest.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (m, attrs: string, body: string) => {
    if (/\bsrc=/.test(attrs)) return m; // external: counted when loaded
    if (/type="application\/(ld\+)?json"/.test(attrs)) data += m;
    else if (body.trim()) js += m;
    return '';
  });
  rest = rest.replace(/<svg\b[\s\S]*?<\/svg>/gi, (m) => ((svg += m), ''));
  return { html: rest, css, js, svg, data };
}

export async function pageWeights(browser: Browser, dist: string, origin: string): Promise<PageWeight[]> {
  const all = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !/(^|\/)404\.html$/.test(f));
  const byType = new Map<PageType, string[]>();
  for (const f of all) {
    const t = pageType(f);
    byType.set(t, [...(byType.get(t) ?? []), f]);
  }
  const out: PageWeight[] = [];
  for (const type of PAGE_TYPES) {
    const files = byType.get(type);
    if (!files?.length) continue;
    const sizes = files.map((f) => ({ f, n: fileEntry(join(dist, f)).raw.length }));
    sizes.sort((a, b) => b.n - a.n || a.f.localeCompare(b.f));
    const rel = sizes[0]!.f;
    const urlPath = `/${rel.replace(/index\.html$/, '')}`;
    const bytes = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<Kind, Bytes>;
    const add = (k: Kind, raw: number, gzip: number) => {
      bytes[k].raw += raw;
      bytes[k].gzip += gzip;
    };
    // The document, split.
    const doc = splitInline(readFileSync(join(dist, rel), 'utf8'));
    add('html', size(doc.html), gz(doc.html));
    if (doc.css) add('css', size(doc.css), gz(doc.css));
    if (doc.js) add('js', size(doc.js), gz(doc.js));
    if (doc.svg) add('svg', size(doc.svg), gz(doc.svg));
    if (doc.data) add('data', size(doc.data), gz(doc.data));
    let jsRaw = doc.js ? size(doc.js) : 0;
    let jsGz = doc.js ? gz(doc.js) : 0;
    // What the page loads.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const seen = new Set<string>();
    let requests = 1;
    const scripts: string[] = doc.js ? ['(inline)'] : [];
    try {
      const page = await context.newPage();
      const loads: Array<{ path: string; type: string }> = [];
      page.on('requestfinished', (req) => {
        const u = new URL(req.url());
        if (u.origin !== origin) return;
        loads.push({ path: decodeURIComponent(u.pathname), type: req.resourceType() });
      });
      await page.goto(`${origin}${urlPath}`, { waitUntil: 'networkidle' });
      // And what the page itself saw (resource timing), in case an event came late.
      const timing = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name, e.initiatorType] as const));
      for (const [name, initiator] of timing) {
        const u = new URL(name);
        if (u.origin === origin) loads.push({ path: decodeURIComponent(u.pathname), type: initiator === 'script' ? 'script' : initiator === 'link' ? 'stylesheet' : initiator });
      }
      for (const { path, type: rt } of loads) {
        if (rt === 'document' || seen.has(path)) continue;
        seen.add(path);
        let entry;
        try {
          entry = fileEntry(join(dist, path.endsWith('/') ? `${path}index.html` : path));
        } catch {
          continue;
        }
        requests++;
        const k = kindOf(path, rt);
        const g = entry.gzip?.length ?? entry.raw.length;
        add(k, entry.raw.length, g);
        if (k === 'js') {
          scripts.push(path);
          jsRaw += entry.raw.length;
          jsGz += g;
        }
      }
    } finally {
      await context.close();
    }
    // The same page with JavaScript off: is all its text there?
    let textWithoutJs = 1;
    const texts: number[] = [];
    for (const javaScriptEnabled of [true, false]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
      try {
        const page = await ctx.newPage();
        await page.goto(`${origin}${urlPath}`, { waitUntil: 'load' });
        texts.push(await page.evaluate(() => document.body.innerText.replace(/\s+/g, '').length));
      } finally {
        await ctx.close();
      }
    }
    if (texts[0]! > 0) textWithoutJs = Math.min(1, texts[1]! / texts[0]!);
    const total = KINDS.reduce((a, k) => ({ raw: a.raw + bytes[k].raw, gzip: a.gzip + bytes[k].gzip }), { raw: 0, gzip: 0 });
    out.push({ type, pages: files.length, page: urlPath, bytes, total, jsLoaded: { raw: jsRaw, gzip: jsGz }, textWithoutJs,
      jsToRead: textWithoutJs >= 0.99 ? { raw: 0, gzip: 0 } : { raw: jsRaw, gzip: jsGz }, requests, scripts });
  }
  return out;
}

export interface HtmlSizes {
  pages: number;
  /** The largest HTML file of the type. */
  page: string;
  raw: number;
  gzip: number;
}

/** Without a browser: the largest HTML file of each page type, raw and gzip (for builds at scale). */
export function htmlSizes(dist: string): Partial<Record<PageType, HtmlSizes>> {
  const out: Partial<Record<PageType, HtmlSizes>> = {};
  let files: string[] = [];
  try {
    files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  } catch {
    return out;
  }
  const largest = new Map<PageType, { f: string; n: number; count: number }>();
  for (const f of files) {
    const t = pageType(f);
    const n = statSync(join(dist, f)).size;
    const cur = largest.get(t);
    if (!cur) largest.set(t, { f, n, count: 1 });
    else {
      cur.count++;
      if (n > cur.n) Object.assign(cur, { f, n });
    }
  }
  for (const [t, { f, n, count }] of largest) {
    out[t] = { pages: count, page: `/${f.replace(/index\.html$/, '')}`, raw: n, gzip: gz(readFileSync(join(dist, f))) };
  }
  return out;
}
