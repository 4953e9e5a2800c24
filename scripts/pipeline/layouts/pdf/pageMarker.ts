// The line the PDF layout writes before each page's text, so that line numbers in the published
// text can be turned back into pages (and readers of the text see where a page starts).

export const PAGE_MARKER = /^=== 第 (\d+) 页 ===$/;

export function pageMarker(page: number): string {
  return `=== 第 ${page} 页 ===`;
}

/** The page of each line (index 0 = line 1), from the markers; 0 before the first marker. */
export function pagesOfLines(lines: string[]): number[] {
  let page = 0;
  return lines.map((l) => {
    const m = PAGE_MARKER.exec(l);
    if (m) page = Number(m[1]);
    return page;
  });
}
