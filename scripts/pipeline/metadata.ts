// What a disclosure is — city, department, fiscal year, kind, title — read from its own text
// (cover title, 附件 heading, table titles, 部门名称 lines), never from its file name.
import type { DocMeta } from './types.ts';
import { InputError } from './types.ts';
import { detectLayout } from './sections.ts';

/** Henan's 17 prefecture-level cities and 济源 (province-administered), Chinese name → slug. */
export const CITY_SLUGS: Record<string, string> = {
  郑州: 'zhengzhou',
  开封: 'kaifeng',
  洛阳: 'luoyang',
  平顶山: 'pingdingshan',
  安阳: 'anyang',
  鹤壁: 'hebi',
  新乡: 'xinxiang',
  焦作: 'jiaozuo',
  濮阳: 'puyang',
  许昌: 'xuchang',
  漯河: 'luohe',
  三门峡: 'sanmenxia',
  南阳: 'nanyang',
  商丘: 'shangqiu',
  信阳: 'xinyang',
  周口: 'zhoukou',
  驻马店: 'zhumadian',
  济源: 'jiyuan',
};

/** What a manifest entry (data/raw/sources.json) may say instead of the text. */
export interface MetaOverrides {
  city?: string;
  city_slug?: string;
  department?: string;
  fiscal_year?: number;
  doc_kind?: 'budget' | 'performance';
  title?: string;
}

/** `<city_slug>-<fiscal_year>-<kind>`, e.g. `zhengzhou-2024-budget`. */
export function docIdOf(meta: DocMeta): string {
  return `${meta.citySlug}-${meta.fiscalYear}-${meta.docKind}`;
}

/** A line compacted for matching: no whitespace, no markdown bold, full-width digits made ASCII. */
function compact(s: string): string {
  return s
    .replace(/\*\*/g, '')
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
}

const KIND_WORDS = /(部门|单位)?(预算|决算)(公开|说明|情况说明)?表?$|市级部门整体绩效目标申报表$|(部门)?整体绩效目标(申报)?表$/;
const DATE_LINE = /^(\d{4}年(\d{1,2}月)?|[〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月)$/;
const BUDGET_MARKER = /(预算情况说明|收支(总体情况|总体预算|预算)表|部门预算(公开|说明)?表?)$/;
const SECTION_LINE = /^(目录|第[一二三四五六七八九十]+部分)/;

interface Found<T> {
  value: T;
  line: number;
}

/**
 * The title printed on the cover: the first block of adjacent non-empty lines, if it names a
 * disclosure. The reflowed layout prints a blank line after every line: there the block is the
 * lines before the cover's date, one blank apart (`2023 年驻马店市…` / `部门预算公开` / `2023 年 2 月`).
 */
function coverTitle(lines: string[], layout: 'tab' | 'reflowed'): Found<string> | null {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return null;
  const reflowed = layout === 'reflowed';
  const parts: string[] = [];
  for (let i = start; i < lines.length && parts.length < 4; i++) {
    if (lines[i]!.trim() === '') {
      if (reflowed && lines[i + 1]?.trim()) continue;
      break;
    }
    const t = compact(lines[i]!);
    if (SECTION_LINE.test(t) || lines[i]!.includes('\t')) break;
    if (DATE_LINE.test(t)) { if (reflowed) break; continue; }
    parts.push(t);
  }
  const title = parts.join('');
  if (!title || title.length > 60 || !/预算|决算|绩效目标/.test(title)) return null;
  return { value: title, line: start + 1 };
}

/** `附件：2024 年洛阳市…部门预算表` (or `附件：` with the title on the next non-empty line). */
function annexTitle(lines: string[]): Found<string> | null {
  for (let i = 0; i < lines.length; i++) {
    const m = /^附件[：:](.*)$/.exec(compact(lines[i]!));
    if (!m) continue;
    let text = m[1]!;
    let line = i + 1;
    if (!text) {
      const j = lines.findIndex((l, k) => k > i && l.trim() !== '');
      if (j < 0 || j - i > 4) continue;
      text = compact(lines[j]!);
      line = j + 1;
    }
    if (/预算|决算/.test(text) && text.length <= 60) return { value: text.replace(/表$/, ''), line };
  }
  return null;
}

/** The narrative's heading, `2024 年洛阳市…预算情况说明` → `2024年洛阳市…预算` (last resort). */
function narrativeTitle(lines: string[]): Found<string> | null {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes('\t')) continue;
    const t = compact(lines[i]!).replace(/^第[一二三四五六七八九十]+部分/, '');
    if (t.length <= 60 && /\d{4}年/.test(t) && /(市|示范区).+(预算|决算)(情况)?说明$/.test(t)) {
      return { value: t.replace(/(情况)?说明$/, ''), line: i + 1 };
    }
  }
  return null;
}

/** Every `部门名称` value printed in the document (table heads), with its line. */
function departmentNames(lines: string[]): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  lines.forEach((raw, i) => {
    let value: string | undefined;
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((c) => compact(c));
      const k = cells.findIndex((c) => /^部门名称[：:]?$/.test(c));
      if (k >= 0) value = cells.slice(k + 1).find((c) => c !== '');
      else value = /^部门名称[：:](.+)$/.exec(cells[0] ?? '')?.[1];
    } else {
      value = /^部门名称[：:](.+)$/.exec(compact(raw))?.[1];
    }
    if (!value) return;
    value = value.replace(/(单位|金额单位)[：:].*$/, '').replace(/[（(](汇总|本级)[)）]$/, '');
    if (/^[\u4e00-\u9fff（）()]{2,8}?(市|示范区)[\u4e00-\u9fff（）()]{2,40}$/.test(value)) out.push({ value, line: i + 1 });
  });
  return out;
}

function mostCommon(found: Array<Found<string>>): Found<string> | null {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  let best: Found<string> | null = null;
  for (const f of found) if (!best || counts.get(f.value)! > counts.get(best.value)!) best = f;
  return best;
}

/** The fiscal year printed in table titles or a `(2020 年度)` line, most common first. */
function yearFromTables(lines: string[]): Found<number> | null {
  const found: Array<Found<string>> = [];
  lines.forEach((raw, i) => {
    if (raw.includes('\t')) return;
    const t = compact(raw);
    const m = /^[（(](\d{4})年度?[)）]$/.exec(t) ?? /^(\d{4})年度?.{0,30}表$/.exec(t);
    if (m) found.push({ value: m[1]!, line: i + 1 });
  });
  const best = mostCommon(found);
  return best ? { value: Number(best.value), line: best.line } : null;
}

/** Split `郑州市人力资源和社会保障局` into city and department. */
function splitFullName(full: string): { city: string; department: string; known: boolean } | null {
  for (const city of Object.keys(CITY_SLUGS)) {
    if (!full.startsWith(city)) continue;
    const rest = full.slice(city.length);
    const m = /^(市|产城融合示范区|示范区)(.+)$/.exec(rest);
    if (m) return { city, department: m[2]!, known: true };
  }
  const m = /^([\u4e00-\u9fff]{2,6}?)(市|示范区)(.{2,})$/.exec(full);
  return m ? { city: m[1]!, department: m[3]!, known: false } : null;
}

/**
 * Read the document's metadata from its text. Throws InputError when the text names no
 * title, department or fiscal year (an unknown document), or a city outside Henan's list
 * (unless `overrides.city_slug` — from data/raw/sources.json — gives its slug).
 */
export function readMeta(lines: string[], file: string, overrides: MetaOverrides = {}, layout = detectLayout(lines)): DocMeta {
  const printed = coverTitle(lines, layout) ?? annexTitle(lines) ?? narrativeTitle(lines);
  const deptLine = mostCommon(departmentNames(lines));

  // The department's full name: 部门名称 lines first, else what the title names besides year and kind.
  let fullName: Found<string> | null = deptLine;
  if (!fullName && printed) {
    const rest = printed.value.replace(/\d{4}年度?/g, '').replace(KIND_WORDS, '');
    if (splitFullName(rest)) fullName = { value: rest, line: printed.line };
  }

  let year: Found<number> | null = null;
  const ty = printed ? /(\d{4})年/.exec(printed.value) : null;
  if (ty && printed) year = { value: Number(ty[1]), line: printed.line };
  year ??= yearFromTables(lines);

  const missing: string[] = [];
  if (!printed && !overrides.title) missing.push('title (cover title or 附件：…预算表)');
  if (!fullName && !(overrides.department && overrides.city)) missing.push('department name (部门名称：…)');
  if (!year && !overrides.fiscal_year) missing.push('fiscal year');
  if (missing.length > 0) {
    throw new InputError(file, null, null, `unknown document: found no ${missing.join(', no ')}; this does not look like a department budget disclosure or performance form`);
  }

  const split = fullName ? splitFullName(fullName.value) : null;
  const city = overrides.city ?? split?.city;
  const department = overrides.department ?? split?.department;
  if (!city || !department) {
    throw new InputError(file, fullName?.line ?? null, null, `unknown document: cannot tell the city from the department name "${fullName?.value ?? ''}"`);
  }
  const citySlug = overrides.city_slug ?? CITY_SLUGS[city];
  if (!citySlug) {
    throw new InputError(file, fullName?.line ?? null, null,
      `unknown city "${city}" (department "${fullName?.value ?? department}"): it is not one of Henan's cities; give its slug as "city_slug" for this file in data/raw/sources.json`);
  }
  const fiscalYear = overrides.fiscal_year ?? year!.value;

  let title = overrides.title ?? printed!.value;
  // A 部门预算 prints its narrative (预算情况说明) and its 收支 tables; a bare performance form prints neither.
  const budgetMarker = lines.some((l) => !l.includes('\t') && BUDGET_MARKER.test(compact(l)));
  let docKind: DocMeta['docKind'];
  if (overrides.doc_kind) docKind = overrides.doc_kind;
  else if (/绩效目标(申报)?表$/.test(title) && !budgetMarker) docKind = 'performance';
  else if (/预算/.test(title) && !/决算/.test(title)) docKind = 'budget';
  else throw new InputError(file, printed?.line ?? null, null, `unknown document: the title "${title}" is neither a 部门预算 nor a 整体绩效目标申报表`);

  // A form printed without its department and year in the title (绩效目标申报表): name them.
  const full = fullName?.value ?? `${city}市${department}`;
  if (!overrides.title && !title.includes(full) && !title.includes(department)) title = `${full}${fiscalYear}年度${title}`;
  else if (!overrides.title && !/\d{4}年/.test(title)) title = `${fiscalYear}年${title}`;

  return { city, citySlug, department, fiscalYear, docKind, title };
}
