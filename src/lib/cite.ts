// Citations (GB/T 7714-2015 and APA 7) for the dataset, a table, or a chart, with version and URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './data.ts';

export interface Package {
  title: string;
  version: string;
  created: string;
  licenses: Array<{ name: string; path: string; title: string }>;
  sources: Array<{ title: string; path: string; sha256: string }>;
  resources: Array<{
    name: string; path: string; title: string; description: string; format: string; bytes: number; hash: string; rows: number;
    schema: { fields: Array<{ name: string; type: string; title: string; description: string; unit?: string }> };
  }>;
}

let cached: Package | undefined;
/** datapackage.json as published: the dictionary, sizes, hashes and the dataset version. */
export function datapackage(): Package {
  cached ??= JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as Package;
  return cached;
}

const AUTHOR_ZH = '预算透视 Budget Lens';
const AUTHOR_EN = 'Budget Lens';
const DATASET_ZH = '部门预算、决算公开数据';
const DATASET_EN = 'Department budget disclosures of human resources and social security bureaus';

export interface Citation { gbt: string; apa: string }

/** `what`: a table or chart name to cite within the dataset, or nothing for the whole dataset. */
export function cite(url: string, what?: { zh: string; en: string }): Citation {
  const pkg = datapackage();
  const date = pkg.created.slice(0, 10);
  const year = date.slice(0, 4);
  const zhTitle = what ? `${DATASET_ZH}：${what.zh}` : DATASET_ZH;
  const enTitle = what ? `${DATASET_EN}: ${what.en}` : DATASET_EN;
  return {
    gbt: `${AUTHOR_ZH}. ${zhTitle}[DS/OL]. 版本 ${pkg.version}. (${date})[${date}]. ${url}.`,
    apa: `${AUTHOR_EN}. (${year}). ${enTitle} (Version ${pkg.version}) [Data set]. ${url}`,
  };
}
