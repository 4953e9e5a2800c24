// The narrative (情况说明) as one text per part, found as facts finds it, for the few readings the
// checks need that facts do not give (a project named with its amount). Lines are joined as the
// conversion wrapped them; each character keeps the line it came from.
import { PAGE_MARKER } from '../layouts/pdf/pageMarker.ts';
import { narrativeRanges, normLine, PAGE_NUMBER } from '../tables/facts.ts';

export interface NarrativeText {
  text: string;
  /** Line (1-based) of each character of `text`. */
  lineOf: number[];
}

/** The narrative, one text per range; empty when the document has none. */
export function narrativeTexts(lines: string[]): NarrativeText[] {
  return narrativeRanges(lines).map(([a, b]) => {
    let text = '';
    const lineOf: number[] = [];
    for (let i = a; i < b; i++) {
      const t = normLine(lines[i]!);
      if (t === '' || PAGE_NUMBER.test(t) || PAGE_MARKER.test(t)) continue;
      const piece = text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(t) ? ` ${t}` : t;
      text += piece;
      for (let k = 0; k < piece.length; k++) lineOf.push(i + 1);
    }
    return { text, lineOf };
  });
}
