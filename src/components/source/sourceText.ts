// A disclosure's text as the HTML of the /source/<doc_id>/ page: one element per line, nothing else
// per line but its tabs. Built as one string, because 洛阳 has 11,000+ lines and a component per
// line would make the build slow and the page heavy.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR } from '../../lib/data.ts';
import { PAGE_MARKER } from '../../../scripts/pipeline/layouts/pdf/pageMarker.ts';

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

/** Where each page of a PDF's text starts: its `=== 第 N 页 ===` marker line (1-based), in order. */
export function pageStarts(lines: string[]): Array<{ page: number; line: number }> {
  return lines.flatMap((l, i) => {
    const m = PAGE_MARKER.exec(l);
    return m ? [{ page: Number(m[1]), line: i + 1 }] : [];
  });
}

/** The PDF page a line of the text is on (null before the first marker, or in a text without any). */
export function pageOf(starts: Array<{ page: number; line: number }>, line: number): number | null {
  let page: number | null = null;
  for (const s of starts) {
    if (s.line > line) break;
    page = s.page;
  }
  return page;
}

/** Lines per chunk: a chunk off screen is neither laid out nor painted (CSS content-visibility). */
export const CHUNK = 250;

/**
 * `<span class=k><span id=L1>…\n</span><span id=L2>…\n</span>…</span>…` for a `<pre>`: each line
 * one block element whose id is its line number, in chunks of CHUNK lines that the browser skips
 * while off screen (11,000 lines lay out in a fraction of the time). The number is drawn from the
 * id by CSS, so it is neither copied nor read out as text. A tab keeps its character, so copied
 * text keeps its cells, inside an `<i>` that the stylesheet draws as a thin cell separator.
 * With `pageHref` (a PDF's text), each page marker line is a heading linking to that page of the PDF.
 */
export function linesHtml(lines: string[], pageHref?: (page: number) => string): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i % CHUNK === 0) out += i === 0 ? '<span class=k>' : '</span><span class=k>';
    const marker = pageHref ? PAGE_MARKER.exec(lines[i]!) : null;
    // A PDF's page marker: a heading (in a <pre>, by role) that opens the PDF at that page. The line
    // element stays as every other one, so #L<n> and the line numbers work the same.
    const text = marker
      ? `<b class=pg role=heading aria-level=3><a href="${escapeText(pageHref!(Number(marker[1])))}">${escapeText(lines[i]!)}</a></b>`
      : escapeText(lines[i]!).replaceAll('\t', '<i>\t</i>');
    out += `<span id=L${i + 1}>${text}\n</span>`;
  }
  return lines.length > 0 ? `${out}</span>` : out;
}
