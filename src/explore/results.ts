// The results panel: row count and time, CSV download (every row, UTF-8 with BOM), copy as TSV,
// and a sortable table of at most MAX_RENDERED_ROWS rows. Every value goes in as textContent:
// a result is data, never markup.
import { compareCells, display, isNumeric, raw, toTsv, type Cell, type QueryResult } from './format.ts';

export const MAX_RENDERED_ROWS = 10_000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const fmtInt = (n: number) => n.toLocaleString('zh-CN');

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} 毫秒` : `${(ms / 1000).toFixed(2)} 秒`;
}

export function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

async function downloadCsv(result: QueryResult): Promise<void> {
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    { fields: result.columns.map((c) => c.name), data: result.rows.map((r) => r.map((v) => (v === null ? null : raw(v)))) },
    { newline: '\r\n', quotes: false },
  );
  // BOM: Excel and WPS on Chinese Windows read UTF-8 without one as GBK.
  saveBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), `budget-lens-query-${stamp()}.csv`);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // No clipboard permission (or an old browser): the textarea route still works on a click.
  }
  const ta = el('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy failed');
}

function renderBody(tbody: HTMLTableSectionElement, result: QueryResult, rows: Cell[][]): void {
  const frag = document.createDocumentFragment();
  const numeric = result.columns.map((c) => isNumeric(c.kind));
  const n = Math.min(rows.length, MAX_RENDERED_ROWS);
  for (let i = 0; i < n; i++) {
    const tr = el('tr');
    const row = rows[i]!;
    for (let j = 0; j < result.columns.length; j++) {
      const v = row[j] ?? null;
      const td = el('td');
      if (v === null) {
        td.className = numeric[j] ? 'null num' : 'null';
        td.textContent = 'NULL';
      } else {
        const shown = display(v, result.columns[j]!.kind);
        td.textContent = shown;
        if (numeric[j]) td.className = 'num';
        const exact = raw(v);
        if (exact !== shown && numeric[j]) td.title = exact;
      }
      tr.append(td);
    }
    frag.append(tr);
  }
  tbody.replaceChildren(frag);
}

export function renderResult(container: HTMLElement, result: QueryResult): void {
  const total = result.rows.length;
  const meta = el('div', 'result-meta');
  const count = el('p', 'result-count');
  count.append(
    document.createTextNode('共 '),
    el('strong', undefined, fmtInt(total)),
    document.createTextNode(` 行 · ${result.columns.length} 列 · 用时 ${formatMs(result.ms)}`),
  );
  count.dataset['rows'] = String(total);
  const actions = el('div', 'result-actions');
  const csvBtn = el('button', undefined, '下载 CSV');
  csvBtn.type = 'button';
  csvBtn.dataset['action'] = 'csv';
  const tsvBtn = el('button', undefined, '复制为 TSV');
  tsvBtn.type = 'button';
  tsvBtn.dataset['action'] = 'tsv';
  const note = el('span', 'result-action-status');
  note.setAttribute('role', 'status');
  actions.append(csvBtn, tsvBtn, note);
  meta.append(count, actions);
  const parts: HTMLElement[] = [meta];

  csvBtn.addEventListener('click', () => {
    downloadCsv(result).then(
      () => (note.textContent = `已生成 CSV（${fmtInt(total)} 行）`),
      (e: unknown) => (note.textContent = `CSV 生成失败：${e instanceof Error ? e.message : String(e)}`),
    );
  });
  tsvBtn.addEventListener('click', () => {
    copyText(toTsv(result)).then(
      () => (note.textContent = `已复制 ${fmtInt(total)} 行（制表符分隔，可直接粘贴到表格软件）`),
      () => (note.textContent = '复制失败：浏览器不允许访问剪贴板'),
    );
  });

  if (total > MAX_RENDERED_ROWS) {
    parts.push(el('p', 'note result-truncated', `表格只显示前 ${fmtInt(MAX_RENDERED_ROWS)} 行；“下载 CSV”包含全部 ${fmtInt(total)} 行。`));
  }

  if (result.columns.length === 0) {
    parts.push(el('p', 'note', '查询已执行，没有返回列。'));
    container.replaceChildren(...parts);
    return;
  }

  const scroll = el('div', 'table-scroll result-scroll');
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', '查询结果表格');
  const table = el('table', 'result-table');
  const thead = el('thead');
  const htr = el('tr');
  const tbody = el('tbody');
  let sortCol = -1;
  let sortDir: 1 | -1 = 1;
  const ths: HTMLTableCellElement[] = [];
  result.columns.forEach((c, j) => {
    const th = el('th');
    th.scope = 'col';
    if (isNumeric(c.kind)) th.className = 'num';
    const btn = el('button', 'sort-button');
    btn.type = 'button';
    btn.title = `${c.type}：点击排序`;
    btn.append(el('span', 'sort-name', c.name), el('span', 'sort-mark'));
    btn.addEventListener('click', () => {
      sortDir = sortCol === j ? (sortDir === 1 ? -1 : 1) : isNumeric(c.kind) ? -1 : 1;
      sortCol = j;
      const kind = c.kind;
      const sorted = result.rows
        .map((r, i) => [r, i] as const)
        .sort(([a, ia], [b, ib]) => {
          const x = a[j] ?? null;
          const y = b[j] ?? null;
          if (x === null || y === null) return x === y ? ia - ib : x === null ? 1 : -1;
          return sortDir * compareCells(x, y, kind) || ia - ib;
        })
        .map(([r]) => r);
      ths.forEach((h, k) => {
        if (k === j) h.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
        else h.removeAttribute('aria-sort');
      });
      renderBody(tbody, result, sorted);
    });
    th.append(btn);
    ths.push(th);
    htr.append(th);
  });
  thead.append(htr);
  table.append(thead, tbody);
  renderBody(tbody, result, result.rows);
  scroll.append(table);
  parts.push(scroll);
  container.replaceChildren(...parts);
}
