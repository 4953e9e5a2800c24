// The topic pages (/topic/<slug>/): each compares every document in the dataset on one subject.
export interface Topic {
  slug: string;
  /** Short title, as in the index and the page's <h1>. */
  title: string;
  /** What the page answers, in a sentence (index card and meta description). */
  description: string;
}

export const TOPICS: Topic[] = [
  {
    slug: 'three-public',
    title: '“三公”经费',
    description: '因公出国（境）费、公务用车购置及运行费、公务接待费：每份预算安排了多少，由哪几部分构成，情况说明怎样解释与上年相比的增减。',
  },
  {
    slug: 'projects',
    title: '项目支出',
    description: '所有公开的项目逐一列出：特定目标类与其他运转类各占多少，钱落在哪些单位，最大的项目是什么。',
  },
  {
    slug: 'personnel',
    title: '人员与运转',
    description: '一般公共预算基本支出中人员经费和公用经费各占多少，最大的经济分类科目是哪些，机关运行经费是多少。',
  },
  {
    slug: 'social-insurance',
    title: '社保补助',
    description: '财政对养老保险基金的补助和本单位人员的养老支出：各地填补的是什么缺口，对应哪个项目，原文在哪一行。',
  },
  {
    slug: 'performance',
    title: '绩效目标',
    description: '绩效指标有多少写出了可以核验的数值，有多少只写“明显”“良好”“有效提高”：按文件和指标类别比较。',
  },
  {
    slug: 'checks',
    title: '数据核对',
    description: '公开文件自身对不上的地方，用白话逐条解释并链接到原文行；以及每份文件应公开的表格是否齐全。',
  },
];

export function topicBySlug(slug: string): Topic {
  const t = TOPICS.find((x) => x.slug === slug);
  if (!t) throw new Error(`unknown topic: ${slug}`);
  return t;
}
