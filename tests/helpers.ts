// Test helpers: load a vendored disclosure and its sections exactly as the pipeline sees them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findSections } from '../scripts/pipeline/layouts/tab/sections.ts';
import { blankMeta } from '../scripts/pipeline/metadata.ts';
import type { Doc, ParseContext, Section } from '../scripts/pipeline/types.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function rawLines(docId: string): string[] {
  return readFileSync(`${ROOT}data/raw/${docId}.txt`, 'utf8').split('\n');
}

/** The one section of a standard table (throws if it is absent or printed twice). */
export function sectionOf(docId: string, standard: string): Section {
  const found = findSections(rawLines(docId)).filter((s) => s.standard === standard);
  if (found.length !== 1) throw new Error(`${docId}: expected one ${standard} section, found ${found.length}`);
  return found[0]!;
}

/** A parse context for unit tests of one table module. */
export function contextFor(docId: string): ParseContext {
  const lines = rawLines(docId);
  const doc: Doc = {
    docId, sourceFile: `${docId}.txt`, sha256: '', lines, layout: 'tab',
    meta: blankMeta(), format: 'txt', pageCount: null,
  };
  return { doc, repairs: [] };
}
