// A disclosure's text as the HTML of the /source/<doc_id>/ page: one element per line, nothing else
// per line but its tabs. Built as one string, because 洛阳 has 11,000+ lines and a component per
// line would make the build slow and the page heavy.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR } from '../../lib/data.ts';

/** public/sources/, next to public/data/ (the pipeline writes both under the same root). */
export const SOURCES_DIR = resolve(DATA_DIR, '..', 'sources');

/**
 * The lines of public/sources/<doc_id>.txt as `source_line` counts them: split as the pipeline
 * splits (scripts/pipeline/read.ts: CR, LF and CRLF end a line; a final newline ends the last one).
 */
export function sourceLines(docId: string): string[] {
  const lines = readFileSync(join(SOURCES_DIR, `${docId}.txt`), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Lines per chunk: a chunk off screen is neither laid out nor painted (CSS content-visibility). */
export const CHUNK = 250;

/**
 * `<span class=k><span id=L1>…\n</span><span id=L2>…\n</span>…</span>…` for a `<pre>`: each line
 * one block element whose id is its line number, in chunks of CHUNK lines that the browser skips
 * while off screen (11,000 lines lay out in a fraction of the time). The number is drawn from the
 * id by CSS, so it is neither copied nor read out as text. A tab keeps its character, so copied
 * text keeps its cells, inside an `<i>` that the stylesheet draws as a thin cell separator.
 */
export function linesHtml(lines: string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i % CHUNK === 0) out += i === 0 ? '<span class=k>' : '</span><span class=k>';
    out += `<span id=L${i + 1}>${escapeText(lines[i]!).replaceAll('\t', '<i>\t</i>')}\n</span>`;
  }
  return lines.length > 0 ? `${out}</span>` : out;
}
