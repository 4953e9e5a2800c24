// The SQL editor: CodeMirror 6 with SQL highlighting, completion of our tables and columns
// (with the dictionary's descriptions), Ctrl/Cmd+Enter to run, and error positions marked.
// A chunk of its own, loaded after the page's module: it replaces the textarea (plainEditor.ts).
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { EditorSelection, Prec } from '@codemirror/state';
import { closeCompletion } from '@codemirror/autocomplete';
import { PostgreSQL, SQLDialect, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { setDiagnostics } from '@codemirror/lint';
import type { EditorHooks, SqlEditor } from './plainEditor.ts';
import type { ExplorerTable } from './types.ts';

/** PostgreSQL's keywords plus DuckDB's own. */
const DuckDBDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} qualify exclude replace pivot unpivot asof positional summarize describe ilike glob struct list map union_by_name`,
});

export function schemaOf(tables: ExplorerTable[]): SQLNamespace {
  const ns: Record<string, SQLNamespace> = {};
  for (const t of tables) {
    ns[t.name] = {
      self: { label: t.name, type: 'table', detail: t.zh, info: t.en },
      children: t.columns.map((c) => ({
        label: c.name,
        type: 'column',
        detail: c.type,
        info: `${c.zh}${c.unit ? `（${c.unit}）` : ''} — ${c.en}`,
      })),
    };
  }
  return ns;
}

/**
 * CodeMirror marks each completion with a symbol (𝑡, □, 🔑, 𝑥…) that many fonts lack, shown as
 * an empty box on many readers' systems. A character of the page's own script says it instead.
 */
const ICONS: Record<string, string> = {
  table: '表',
  column: '列',
  keyword: '词',
  type: '型',
  variable: '名',
  constant: '名',
  property: '列',
  function: '函',
  method: '函',
  namespace: '库',
  class: '类',
  interface: '类',
  enum: '类',
  text: '文',
};

export const completionIcons = EditorView.theme({
  '.cm-completionIcon': { width: '1.3em', paddingRight: '.3em', opacity: '.75', fontFamily: 'inherit', fontSize: '85%' },
  ...Object.fromEntries(Object.entries(ICONS).map(([type, char]) => [`.cm-completionIcon-${type}:after`, { content: `'${char}'`, fontSize: 'inherit', verticalAlign: 'baseline' }])),
});

export function createEditor(opts: EditorHooks & {
  parent: HTMLElement;
  doc: string;
  tables: ExplorerTable[];
  label: string;
}): SqlEditor & { view: EditorView } {
  const view: EditorView = new EditorView({
    parent: opts.parent,
    doc: opts.doc,
    extensions: [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: (v) => (closeCompletion(v), opts.onRun(), true) }])),
      basicSetup,
      completionIcons,
      sql({ dialect: DuckDBDialect, schema: schemaOf(opts.tables), upperCaseKeywords: true }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': opts.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) opts.onChange(u.state.doc.toString());
      }),
    ],
  });
  return {
    view,
    get: () => view.state.doc.toString(),
    set(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: EditorSelection.cursor(0) });
    },
    focus: () => view.focus(),
    closeCompletion: () => void closeCompletion(view),
    hasFocus: () => view.hasFocus,
    detach: () => view.destroy(),
    markError(offset, message) {
      if (offset === null) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const len = view.state.doc.length;
      const from = Math.min(Math.max(0, offset), len);
      // Underline the word at the position (or the last character at the end of input).
      const word = view.state.wordAt(from);
      const to = word && word.from === from ? word.to : Math.min(from + 1, len);
      const start = from === len && len > 0 ? len - 1 : from;
      view.dispatch(setDiagnostics(view.state, [{ from: start, to: Math.max(to, start + (len > 0 ? 1 : 0)), severity: 'error', message: message ?? '' }]));
      view.dispatch({ selection: EditorSelection.cursor(from), scrollIntoView: true });
    },
  };
}
