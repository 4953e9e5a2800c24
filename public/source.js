// /source/<doc_id>/ pages: highlight #L12-L20 ranges (a single line needs no script: CSS :target),
// and let a click on a line number link to that line (Shift+click: to the range from the last one).
(() => {
  const pre = document.querySelector('pre.src');
  if (!pre) return;
  pre.classList.add('js'); // from here on this script, not :target, marks the lines
  let marked = [];
  let anchor = 0;

  const mark = (scroll) => {
    for (const el of marked) el.classList.remove('hl');
    marked = [];
    const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(location.hash);
    if (!m) return;
    let a = Number(m[1]);
    let b = m[2] ? Number(m[2]) : a;
    if (b < a) [a, b] = [b, a];
    anchor = a;
    for (let n = a; n <= b; n++) {
      const el = document.getElementById(`L${n}`);
      if (!el) break;
      el.classList.add('hl');
      marked.push(el);
    }
    // A range has no element of that id for the browser to scroll to; and a single line's own
    // scroll can be lost (seen on a loaded machine: the page stayed at the top) or moved by the
    // off-screen chunks' estimated heights (content-visibility) as they are laid out.
    if (scroll && marked.length) marked[0].scrollIntoView({ block: 'start' });
  };

  pre.addEventListener('click', (e) => {
    const line = e.target instanceof Element ? e.target.closest('pre.src [id]') : null;
    // Only the number column (the line's left padding) links.
    if (!line || e.clientX - line.getBoundingClientRect().left > parseFloat(getComputedStyle(line).paddingLeft)) return;
    const n = Number(line.id.slice(1));
    history.replaceState(null, '', e.shiftKey && anchor && anchor !== n ? `#L${Math.min(anchor, n)}-L${Math.max(anchor, n)}` : `#L${n}`);
    mark(false);
  });
  addEventListener('hashchange', () => mark(true));
  mark(true);
  addEventListener('load', () => {
    const r = marked[0]?.getBoundingClientRect();
    if (r && (r.top < 0 || r.bottom > innerHeight)) marked[0].scrollIntoView({ block: 'start' });
  }, { once: true });
})();
