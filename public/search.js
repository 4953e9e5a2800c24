// /search/: the search form and its results, on Pagefind's JS API (the index is built after
// `astro build` by scripts/search-index.ts into /pagefind/, on this site: nothing from another
// origin). Pagefind loads its WebAssembly and the index chunks a query needs, then one small
// fragment per result shown. The query is kept in the address (?q=…) so a search can be shared.
(() => {
  const app = document.querySelector('.search-app');
  if (!app) return;
  const form = app.querySelector('form');
  const input = app.querySelector('#search-q');
  const status = app.querySelector('.search-status');
  const list = app.querySelector('.search-results');
  const more = app.querySelector('.search-more');
  const bundle = app.dataset.bundle || '/pagefind/';
  const base = app.dataset.base || '/';
  const PAGE = 10;

  app.hidden = false;
  for (const el of document.querySelectorAll('.search-nojs')) el.hidden = true;

  const loading = import(`${bundle}pagefind.js`).then(async (pf) => {
    await pf.options({ baseUrl: base, excerptLength: 36, excerptEllipsis: '…' });
    await pf.init();
    return pf;
  });
  const BROKEN = '搜索暂时无法使用：搜索索引未能载入。请从下面的地区和文件列表浏览。';
  loading.catch((err) => {
    console.warn('search:', err);
    status.textContent = BROKEN;
  });

  let run = 0; // the latest search: older answers are dropped
  let results = [];
  let shown = 0;
  let term = '';
  let partial = false; // no page has the phrase: these have each of its words

  /** Pagefind separates Chinese words with U+200B in what it stores; readers never see it. */
  const clean = (s) => String(s ?? '').replace(/\u200b/g, '');

  /** An excerpt as text with <mark>s only (parsed inertly: nothing in it runs or loads). */
  const excerpt = (html) => {
    const p = document.createElement('p');
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    for (const node of doc.body.childNodes) {
      const text = clean(node.textContent);
      if (!text) continue;
      if (node.nodeName !== 'MARK') p.append(text);
      // 普惠 金融: one mark for words found side by side.
      else if (p.lastChild?.nodeName === 'MARK') p.lastChild.textContent += text;
      else p.append(Object.assign(document.createElement('mark'), { textContent: text }));
    }
    return p;
  };

  /** What kind of page a result is, from its address. */
  const kind = (url) => {
    const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    if (path === '' || path.startsWith('#')) return '首页';
    if (path.startsWith('city/')) return '地区';
    if (path.startsWith('topic/')) return '专题';
    if (/^explore\/[^/#]+/.test(path)) return '项目与绩效指标';
    if (path.startsWith('explore/')) return '数据查询';
    if (path.startsWith('source/')) return '原文';
    if (path.startsWith('data/')) return '下载数据';
    if (path.startsWith('about/')) return '方法与说明';
    return '页面';
  };

  /** Where the words are on a long page: the sections that hold the most of them, in page order. */
  const sections = (data) => (data.sub_results || [])
    .filter((s) => s.url !== data.url && s.title)
    .map((s, i) => ({ ...s, i, hits: (s.locations || []).length }))
    .sort((a, b) => b.hits - a.hits || a.i - b.i)
    .slice(0, 3)
    .sort((a, b) => a.i - b.i);

  /** A link that also asks the browser to scroll to the words (a text fragment; ignored where unsupported). */
  const withText = (url, plain) => {
    const q = term.trim();
    if (!q || /\s/.test(q) || !clean(plain).includes(q) || url.includes('#')) return url;
    return `${url}#:~:text=${encodeURIComponent(q)}`;
  };

  const render = (data) => {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = withText(data.url, data.plain_excerpt ?? data.content ?? '');
    a.textContent = clean(data.meta?.title) || data.url;
    h.append(a);
    const k = document.createElement('p');
    k.className = 'search-kind';
    k.textContent = kind(data.url);
    li.append(h, k);
    // On a long page, the sections where the words are (each with its excerpt); else the page's excerpt.
    const subs = sections(data);
    if (subs.length === 0) li.append(excerpt(data.excerpt));
    else {
      const ul = document.createElement('ul');
      ul.setAttribute('aria-label', `${a.textContent}：相关段落`);
      for (const s of subs) {
        const sl = document.createElement('li');
        const sa = document.createElement('a');
        sa.href = s.url;
        sa.textContent = clean(s.title);
        sl.append(sa, excerpt(s.excerpt));
        ul.append(sl);
      }
      li.append(ul);
    }
    return li;
  };

  const showMore = async (id) => {
    const next = results.slice(shown, shown + PAGE);
    const datas = await Promise.all(next.map((r) => r.data()));
    if (id !== run) return null;
    const items = datas.map(render);
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
    const first = results.length > shown ? `，显示前 ${shown} 个` : '';
    status.textContent = partial
      ? `没有页面含完整的“${term}”；找到 ${results.length} 个页面含其中的每个词${first}。`
      : `找到 ${results.length} 个页面含${/^".*"$/.test(term) ? `“${term.slice(1, -1)}”` : term.split(/\s+/).map((w) => `“${w}”`).join('和')}${first}。`;
    return items[0] ?? null;
  };

  const search = async (q) => {
    const id = ++run;
    term = q.trim();
    const url = new URL(location.href);
    if (term) url.searchParams.set('q', term); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!term) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const pf = await loading;
      // Pagefind splits Chinese into words (社会保险 → 社会 保险) and by default finds pages with each
      // word anywhere. A query without spaces is searched as a phrase too (its words in a row, as
      // typed): the pages that have it, in the order of the ordinary search (a phrase search does not
      // rank). Only if no page has the phrase: the pages with all its words (the last may be a prefix).
      const phrase = !/\s/.test(term) && !/^".*"$/.test(term);
      const [loose, exact] = await Promise.all([pf.search(term), phrase ? pf.search(`"${term}"`) : null]);
      if (id !== run) return;
      const inPhrase = new Map((exact?.results ?? []).map((r) => [r.id, r]));
      partial = phrase && inPhrase.size === 0 && loose.results.length > 0;
      results = inPhrase.size === 0
        ? loose.results
        : [...loose.results.filter((r) => inPhrase.has(r.id)).map((r) => inPhrase.get(r.id)), ...[...inPhrase.values()].filter((r) => !loose.results.some((l) => l.id === r.id))];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      if (results.length === 0) {
        status.textContent = `没有找到含“${term}”的页面。可以换一个词，或少写几个字（例如只写项目名称中的关键词）。`;
        return;
      }
      await showMore(id);
    } catch {
      if (id !== run) return;
      status.textContent = BROKEN;
    }
  };

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 300);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  more.addEventListener('click', async () => {
    const first = await showMore(run);
    // Keyboard and screen reader users continue at the first new result.
    first?.querySelector('a')?.focus();
  });

  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    search(q);
  }
})();
