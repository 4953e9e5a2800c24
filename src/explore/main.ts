// /explore/ in the browser: the editor, Run/Cancel, the status line, results and shareable URLs.
// This module is small on purpose: Run works on the pre-rendered textarea as soon as it has run.
// CodeMirror (editor.ts) and Plot (chart.ts's import) are chunks of their own, fetched after it;
// the engine's module (engine.ts, DuckDB-WASM and Arrow) is requested by the HTML itself.
import { textareaEditor, type SqlEditor } from './plainEditor.ts';
import { describeError, parseError } from './errors.ts';
import { renderResult, copyText, formatMs } from './results.ts';
import { sqlFromHash, sqlHash } from './share.ts';
import { chartSpec, renderChart } from './chart.ts';
import type { Engine, EngineProgress } from './engine.ts';
import type { ExplorerManifest } from './types.ts';

type State = 'idle' | 'loading' | 'ready' | 'running' | 'error';

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
}

const mb = (n: number) => (n / 1e6).toFixed(1);

export function start(): void {
  const root = byId<HTMLElement>('explorer');
  const manifest = JSON.parse(byId<HTMLScriptElement>('explorer-manifest').textContent ?? '{}') as ExplorerManifest;
  const base = root.dataset['base'] ?? '/';
  const host = byId<HTMLElement>('sql-editor');
  const fallback = byId<HTMLTextAreaElement>('sql-fallback');
  const runBtn = byId<HTMLButtonElement>('run');
  const cancelBtn = byId<HTMLButtonElement>('cancel');
  const loadBtn = byId<HTMLButtonElement>('load-engine');
  const shareBtn = byId<HTMLButtonElement>('share');
  const status = byId<HTMLElement>('status');
  const progress = byId<HTMLProgressElement>('progress');
  const progressText = byId<HTMLElement>('progress-text');
  const errorBox = byId<HTMLElement>('error');
  const results = byId<HTMLElement>('results');
  const label = document.getElementById('sql-label')?.textContent?.trim() || 'SQL';

  let engine: Engine | null = null;
  let runSeq = 0;
  let engineReady = false;
  let busy = false;
  let restarting = false;

  function setStatus(state: State, text: string): void {
    status.dataset['state'] = state;
    status.textContent = text;
    root.dataset['state'] = state;
  }

  function readyText(): string {
    return `就绪：查询在您的浏览器中运行（${manifest.tables.length} 张表，每张在查询第一次用到时载入）。按“运行”或 Ctrl+Enter（Mac：⌘+Enter）执行。`;
  }

  /** The reader has pressed Run or 预先加载 at least once (before that, downloads go on quietly). */
  let asked = false;

  function onProgress(p: EngineProgress): void {
    if (p.phase === 'download') {
      // A background download moves the bar while it is hidden (no layout); it shows once the reader waits.
      progress.hidden = !asked;
      progress.max = p.total;
      progress.value = p.loaded;
      progressText.hidden = progress.hidden;
      progressText.textContent = `${mb(p.loaded)} / ${mb(p.total)} MB`;
      if (asked && status.dataset['state'] !== 'loading') setStatus('loading', '正在下载查询引擎（DuckDB-WASM）……');
      return;
    }
    progress.value = progress.max;
    progress.hidden = true;
    progressText.hidden = true;
    if (p.phase === 'compile') setStatus('loading', restarting ? '正在重新启动查询引擎……' : '正在启动查询引擎……');
    else if (p.phase === 'tables') setStatus('loading', `正在载入 ${p.tables ?? manifest.tables.length} 张数据表……`);
    else {
      engineReady = true;
      restarting = false;
      loadBtn.hidden = true;
      if (busy) setStatus('running', '正在运行查询……');
      else setStatus('ready', readyText());
    }
  }

  async function getEngine(): Promise<Engine> {
    if (!engine) {
      const { Engine } = await import('./engine.ts');
      engine ??= new Engine(manifest, base, onProgress);
    }
    return engine;
  }

  function clearError(): void {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  function showError(title: string, detail?: string): void {
    const strong = document.createElement('strong');
    strong.textContent = title;
    const parts: Node[] = [strong];
    if (detail) {
      const p = document.createElement('span');
      p.className = 'error-detail';
      p.textContent = detail;
      parts.push(document.createTextNode(' '), p);
    }
    errorBox.replaceChildren(...parts);
    errorBox.hidden = false;
  }

  function setBusy(b: boolean): void {
    busy = b;
    runBtn.disabled = b;
    if (!engineReady) loadBtn.disabled = b;
    cancelBtn.disabled = !b;
    root.setAttribute('aria-busy', String(b));
  }

  async function run(): Promise<void> {
    editor.closeCompletion();
    if (busy) return;
    const sql = editor.get();
    if (!sql.trim()) {
      showError('没有可运行的查询。', '请在编辑器中输入 SQL。');
      return;
    }
    setBusy(true);
    asked = true;
    const seq = ++runSeq;
    clearError();
    editor.markError(null);
    results.replaceChildren();
    results.removeAttribute('data-rows');
    try {
      const eng = await getEngine();
      if (!engineReady) setStatus('loading', restarting ? '正在重新启动查询引擎……' : '正在加载查询引擎……');
      else setStatus('running', '正在运行查询……');
      const result = await eng.run(sql);
      renderResult(results, result);
      results.dataset['rows'] = String(result.rows.length);
      setStatus('ready', `完成：${result.rows.length.toLocaleString('zh-CN')} 行，用时 ${formatMs(result.ms)}。`);
      const spec = chartSpec(result);
      if (spec) {
        const provenance = { sql, dataVersion: manifest.dataVersion, url: `${location.origin}${location.pathname}${sqlHash(sql)}` };
        renderChart(results, result, spec, provenance, () => seq === runSeq).catch(() => {
          /* a chart is a bonus: the table is already there */
        });
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'CancelledError') {
        // cancel() already updated the status
      } else if (!engineReady) {
        const msg = e instanceof Error ? e.message : String(e);
        setStatus('error', '查询引擎加载失败。');
        showError('查询引擎加载失败：', msg);
      } else {
        const err = parseError(e, sql);
        showError(describeError(err));
        if (err.position) editor.markError(err.position.offset, err.message);
        setStatus('error', `查询出错：${err.title}。`);
      }
    } finally {
      setBusy(false);
    }
  }

  function cancel(): void {
    if (!engine || !busy) return;
    engineReady = false;
    restarting = engine.cancel();
    setBusy(false);
    progress.hidden = true;
    progressText.hidden = true;
    if (restarting) setStatus('loading', '已取消。正在重新启动查询引擎……');
    else setStatus('idle', '已取消。再按“运行”会重新下载查询引擎。');
  }

  // The textarea is the editor until CodeMirror arrives. A #sql= in the URL fills it; it never runs by itself.
  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  const hooks = {
    onRun: () => void run(),
    onChange: (sql: string) => {
      clearTimeout(hashTimer);
      hashTimer = setTimeout(() => history.replaceState(history.state, '', sqlHash(sql)), 250);
    },
  };
  const fromHash = sqlFromHash(location.hash);
  if (fromHash !== null) fallback.value = fromHash;
  let editor: SqlEditor = textareaEditor(fallback, hooks);

  // CodeMirror (~430 kB, ~1.4 s of main-thread work on a mid-range phone) is fetched when the reader
  // reaches for the editor: the pointer over it, a touch, or focus. Until then, and if it never
  // arrives, the textarea is the editor.
  let upgrading = false;
  const upgrade = () => {
    if (upgrading) return;
    upgrading = true;
    for (const type of ['pointerenter', 'touchstart', 'focusin'] as const) host.removeEventListener(type, upgrade);
    import('./editor.ts').then(
      ({ createEditor }) => {
        const focused = editor.hasFocus();
        const { selectionStart } = fallback;
        editor.detach();
        const upgraded = createEditor({ parent: host, doc: editor.get(), tables: manifest.tables, label, ...hooks });
        fallback.remove();
        document.getElementById('sql-label')?.removeAttribute('for'); // the editor carries the label itself
        host.classList.add('is-enhanced');
        editor = upgraded;
        if (focused) {
          upgraded.view.dispatch({ selection: { anchor: Math.min(selectionStart, upgraded.view.state.doc.length) } });
          upgraded.focus();
        }
      },
      () => {
        // Without CodeMirror (a failed or blocked download) the textarea stays the editor: Run, the
        // canned questions and shared links work the same, only without highlighting and completion.
      },
    );
  };
  for (const type of ['pointerenter', 'touchstart', 'focusin'] as const) host.addEventListener(type, upgrade, { passive: true });

  function openSql(sql: string): void {
    if (sql !== editor.get()) editor.set(sql);
    clearError();
    host.scrollIntoView({ block: 'center', behavior: 'instant' });
    editor.focus();
    if (!busy && engineReady) setStatus('ready', '查询已放入编辑器：按“运行”执行。');
  }

  // "Edit this query", canned questions, "first 100 rows": links to #sql=… on this page. A canned
  // question clicked here is the reader asking it: it runs at once. Every other link only fills the
  // editor, and so does any link opened from elsewhere (a shared one may hold any SQL).
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[href^="#sql="]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const sql = sqlFromHash(a.getAttribute('href') ?? '');
    if (sql === null) return;
    ev.preventDefault();
    history.pushState(null, '', sqlHash(sql));
    openSql(sql);
    if (a.hasAttribute('data-canned')) void run();
  });
  const fromLocation = () => {
    const sql = sqlFromHash(location.hash);
    if (sql !== null && sql !== editor.get()) openSql(sql);
  };
  window.addEventListener('hashchange', fromLocation);
  window.addEventListener('popstate', fromLocation);

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', cancel);
  loadBtn.addEventListener('click', () => {
    asked = true;
    loadBtn.disabled = true;
    setStatus('loading', '正在加载查询引擎……');
    getEngine()
      .then((e) => e.ready())
      .catch((e: unknown) => {
        if (e instanceof Error && e.name === 'CancelledError') return;
        setStatus('error', '查询引擎加载失败。');
        showError('查询引擎加载失败：', e instanceof Error ? e.message : String(e));
        loadBtn.disabled = false;
      });
  });
  shareBtn.addEventListener('click', () => {
    history.replaceState(history.state, '', sqlHash(editor.get()));
    copyText(location.href).then(
      () => (shareBtn.dataset['copied'] = 'true', (byId('share-status').textContent = '链接已复制：打开链接会把这条查询放进编辑器，按“运行”才会执行。')),
      () => (byId('share-status').textContent = `无法访问剪贴板，请复制地址栏中的链接。`),
    );
  });

  runBtn.disabled = false;
  loadBtn.hidden = false;
  cancelBtn.disabled = true;
  setStatus(
    'idle',
    sqlFromHash(location.hash) !== null
      ? '链接中的查询已放入编辑器，尚未运行：检查后按“运行”执行。'
      : `查询引擎（${mb(manifest.wasm.bytes)} MB，服务器启用压缩时实际传输约四分之一）在您来到这一栏时开始下载，第一次运行时启动，之后的查询都在您的浏览器中完成。`,
  );

  // The engine's files and the first query's tables start downloading when the reader comes to the
  // explorer (the pointer over it, a touch, focus): a reader of the drill-down above never pays for
  // the 7.7 MB, and the page's first seconds stay free for its own text. Run starts them anyway.
  // (Asked for by the HTML itself, the wasm put Lighthouse's first paint at 6.8–9.9 s on its slow 4G;
  // started right after the first paint, reading it kept the main thread busy: 0.4–3 s of blocking.)
  let prefetching = false;
  const prefetch = () => {
    if (prefetching) return;
    prefetching = true;
    for (const type of ['pointerenter', 'touchstart', 'focusin'] as const) root.removeEventListener(type, prefetch);
    getEngine().then((e) => e.prefetch(editor.get())).catch(() => {
      /* Run will try again and say what went wrong */
    });
  };
  for (const type of ['pointerenter', 'touchstart', 'focusin'] as const) root.addEventListener(type, prefetch, { passive: true });
}
