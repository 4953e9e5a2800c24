// PDF → the text the rest of the pipeline reads: a line per printed line, table rows with one
// tab-separated cell per column, and a page marker before each page. The same text is published
// as the document's source text, so every source_line points into what the PDF prints.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, InvalidPDFException, PasswordException, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../../types.ts';
import { pushAll } from '../../text.ts';
import { readPage, type PdfTiming } from './page.ts';
import { pageLines } from './grid.ts';
import { pageMarker } from './pageMarker.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// CJK text in these PDFs often uses the Adobe character collections (UniGB-UCS2-H …): PDF.js
// needs its bundled cMaps for them, and its standard fonts for PDFs that do not embed theirs.
const CMAPS = `${pathToFileURL(join(pdfjsRoot, 'cmaps')).href}/`;
const FONTS = `${pathToFileURL(join(pdfjsRoot, 'standard_fonts')).href}/`;

export type { PdfTiming } from './page.ts';

export interface PdfText {
  lines: string[];
  pages: number;
}

/** Is this file a PDF by its bytes (whatever its name says)? */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * PDF.js prefetches objects it may never await (the page tree's kids, in getPageDict): in a damaged
 * file their rejections are unhandled and, in Node, end the process while the read itself gets a
 * catchable error for the page it asked for. While a PDF is being read, such rejections from PDF.js
 * are dropped; any other one is thrown as Node would (unless someone else listens for them).
 */
let reading = 0;
const fromPdfjs = (e: unknown) => e instanceof Error && /pdfjs-dist[\\/]/.test(e.stack ?? '');
function dropPdfjsRejection(e: unknown): void {
  if (!fromPdfjs(e) && process.listenerCount('unhandledRejection') === 1) throw e;
}
async function guarded<T>(read: () => Promise<T>): Promise<T> {
  if (reading++ === 0) process.on('unhandledRejection', dropPdfjsRejection);
  try {
    return await read();
  } finally {
    // Rejections of the read's last prefetches are reported after the microtasks it leaves.
    await new Promise((r) => setImmediate(r));
    if (--reading === 0) process.off('unhandledRejection', dropPdfjsRejection);
  }
}

/**
 * `timing` (optional, for the benchmark): adds this read's milliseconds inside PDF.js (getDocument,
 * getPage, getTextContent, getOperatorList, and releasing pages and the document) to `timing.pdfjs`,
 * and the rest of its wall time (our own code: fragments, rules, the grid) to `timing.own`.
 */
export function readPdf(file: string, bytes: Uint8Array, timing?: PdfTiming): Promise<PdfText> {
  return guarded(() => readPdfGuarded(file, bytes, timing));
}

async function readPdfGuarded(file: string, bytes: Uint8Array, timing?: PdfTiming): Promise<PdfText> {
  const start = timing ? performance.now() : 0;
  let inPdfjs = 0;
  const inPages: PdfTiming | undefined = timing ? { pdfjs: 0, own: 0 } : undefined;
  if (bytes.length === 0) throw new InputError(file, null, null, 'the file is empty');
  if (!isPdf(bytes)) throw new InputError(file, null, null, 'not a PDF: the file does not start with %PDF- (is it a text file named .pdf?)');
  let t = timing ? performance.now() : 0;
  const task = getDocument({
    data: new Uint8Array(bytes), cMapUrl: CMAPS, cMapPacked: true, standardFontDataUrl: FONTS,
    verbosity: VerbosityLevel.ERRORS, stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    if (e instanceof PasswordException) throw new InputError(file, null, null, 'the PDF is encrypted with a password; publish an unprotected copy');
    if (e instanceof InvalidPDFException) throw new InputError(file, null, null, `the PDF is damaged and cannot be read (${(e as Error).message}); get a complete copy of the file`);
    throw new InputError(file, null, null, `the PDF cannot be read: ${(e as Error).message}`);
  }
  if (timing) inPdfjs += performance.now() - t;
  try {
    if (doc.numPages === 0) throw new InputError(file, null, null, 'the PDF has no pages');
    const lines: string[] = [];
    const memory = { columns: [] as number[] };
    let withText = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      let own: string[];
      try {
        t = timing ? performance.now() : 0;
        const page = await doc.getPage(p);
        if (timing) inPdfjs += performance.now() - t;
        own = pageLines(await readPage(page, inPages), memory);
        t = timing ? performance.now() : 0;
        page.cleanup();
        if (timing) inPdfjs += performance.now() - t;
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(file, null, null, `page ${p} of the PDF cannot be read (${(e as Error).message}): the file looks damaged`);
      }
      if (own.some((l) => l.trim() !== '')) withText++;
      lines.push(pageMarker(p));
      pushAll(lines, own);
    }
    if (withText === 0) {
      throw new InputError(file, null, null, `none of the PDF's ${doc.numPages} pages has a text layer (a scanned document?): it would need OCR, which the pipeline does not do`);
    }
    return { lines, pages: doc.numPages };
  } finally {
    t = timing ? performance.now() : 0;
    await task.destroy();
    if (timing) {
      const end = performance.now();
      inPdfjs += end - t + inPages!.pdfjs;
      timing.pdfjs += inPdfjs;
      timing.own += end - start - inPdfjs;
    }
  }
}
