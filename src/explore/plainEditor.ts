// The SQL editor's contract, and its first form: the pre-rendered <textarea>. Run works on it as
// soon as the page's small module has run; CodeMirror (editor.ts, a separate chunk of ~300 kB)
// replaces it when it arrives, and if it never does the textarea stays and everything still works.

export interface SqlEditor {
  get(): string;
  set(sql: string): void;
  focus(): void;
  /** Mark an error at a string offset (null: clear). */
  markError(offset: number | null, message?: string): void;
  /** Close an open completion popup (the reader pressed Run: the result is what matters now). */
  closeCompletion(): void;
  /** Whether the reader is typing in it (focus moves to its replacement). */
  hasFocus(): boolean;
  /** Remove the editor's listeners (it is being replaced). */
  detach(): void;
}

export interface EditorHooks {
  onRun: () => void;
  onChange: (sql: string) => void;
}

export function textareaEditor(textarea: HTMLTextAreaElement, hooks: EditorHooks): SqlEditor {
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      hooks.onRun();
    }
  };
  const onInput = () => hooks.onChange(textarea.value);
  textarea.addEventListener('keydown', onKey);
  textarea.addEventListener('input', onInput);
  return {
    get: () => textarea.value,
    set(sql) {
      textarea.value = sql;
      textarea.setSelectionRange(0, 0);
    },
    focus: () => textarea.focus({ preventScroll: true }),
    markError(offset) {
      if (offset === null) return;
      const at = Math.min(Math.max(0, offset), textarea.value.length);
      textarea.setSelectionRange(at, at);
    },
    closeCompletion() {},
    hasFocus: () => document.activeElement === textarea,
    detach() {
      textarea.removeEventListener('keydown', onKey);
      textarea.removeEventListener('input', onInput);
    },
  };
}
