// Questions worth asking of the published tables, as SQL the reader can run and edit.
// tests/site/explore.test.ts runs every one of them against the published data at build time.

export interface CannedQuery {
  /** Stable id (used in tests and as data-canned on the page). */
  id: string;
  /** The question, in Chinese. */
  title: string;
  sql: string;
}

export const CANNED: CannedQuery[] = [
  {
    id: 'three-public-by-city',
    title: '各地同一年度部门预算的“三公”经费是多少？',
    sql: `-- 各地“三公”经费（万元），按合计从高到低。只比较同一年度、同类文件：
-- 收录最多的那一年的部门预算（决算、单位预算和其他年度口径不同）
SELECT d.city, d.district, d.department, d.fiscal_year, t.total, t.overseas_travel, t.vehicle_total, t.reception,
       t.doc_id, t.source_line
FROM three_public t
JOIN documents d USING (doc_id)
WHERE d.doc_kind = 'budget' AND d.scope = 'department'
  AND d.fiscal_year = (SELECT fiscal_year FROM documents WHERE doc_kind = 'budget' AND scope = 'department'
                       GROUP BY fiscal_year ORDER BY count(*) DESC, fiscal_year DESC LIMIT 1)
ORDER BY t.total DESC;`,
  },
  {
    id: 'largest-projects-per-unit',
    title: '每个预算单位金额最大的 3 个项目',
    sql: `-- 每个预算单位金额最大的 3 个项目（万元）
SELECT doc_id, unit_name, project_name, total, project_type, source_line
FROM projects
WHERE row_kind = 'project'
QUALIFY row_number() OVER (PARTITION BY doc_id, unit_name ORDER BY total DESC) <= 3
ORDER BY doc_id, unit_name, total DESC;`,
  },
  {
    id: 'top-projects',
    title: '所有文件中金额最大的 20 个项目',
    sql: `-- 金额最大的 20 个项目（万元）
SELECT d.city, d.fiscal_year, p.unit_name, p.project_name, p.total, p.project_type
FROM projects p
JOIN documents d USING (doc_id)
WHERE p.row_kind = 'project'
ORDER BY p.total DESC
LIMIT 20;`,
  },
  {
    id: 'projects-per-unit',
    title: '各单位有多少个项目、合计多少钱？',
    sql: `-- 各单位的项目数量与项目支出合计（万元）
SELECT doc_id, unit_name, count(*) AS projects, round(sum(total), 2) AS total
FROM projects
WHERE row_kind = 'project'
GROUP BY doc_id, unit_name
ORDER BY doc_id, total DESC;`,
  },
  {
    id: 'indicators-without-number',
    title: '哪些绩效指标没有可量化的数值目标？',
    sql: `-- 没有数值目标（target_value 为空）的绩效指标，按文件和指标类别计数
SELECT doc_id, category_zh,
       count(*) FILTER (WHERE target_value IS NULL) AS without_number,
       count(*) AS indicators,
       round(100.0 * count(*) FILTER (WHERE target_value IS NULL) / count(*), 1) AS pct_without_number
FROM project_indicators
GROUP BY doc_id, category_zh
ORDER BY doc_id, pct_without_number DESC;`,
  },
  {
    id: 'indicators-without-number-list',
    title: '没有数值目标的指标都写了什么？',
    sql: `-- 没有数值目标的绩效指标原文
SELECT doc_id, project_name, category_zh, indicator, target_text, source_line
FROM project_indicators
WHERE target_value IS NULL
ORDER BY doc_id, source_line;`,
  },
  {
    id: 'carryover-funds',
    title: '哪些项目用了上年结转资金？',
    sql: `-- 使用上年结转结余资金的项目（万元）
SELECT doc_id, unit_name, project_name, total,
       coalesce(carryover_general_budget, 0) + coalesce(carryover_gov_fund, 0)
         + coalesce(carryover_state_capital, 0) AS carryover,
       source_line
FROM projects
WHERE row_kind = 'project'
  AND coalesce(carryover_general_budget, 0) + coalesce(carryover_gov_fund, 0)
        + coalesce(carryover_state_capital, 0) > 0
ORDER BY carryover DESC;`,
  },
  {
    id: 'carryover-by-unit',
    title: '各单位收入中有多少是上年结转？',
    sql: `-- 各单位收入预算中的上年结转（万元）与占比
SELECT doc_id, unit_name, total, carryover_total,
       round(100 * carryover_total / total, 1) AS carryover_pct
FROM income_by_unit
WHERE row_kind = 'unit' AND carryover_total > 0
ORDER BY carryover_pct DESC;`,
  },
  {
    id: 'checks-not-ok',
    title: '哪些核对没有通过？',
    sql: `-- 文件自身前后不一致之处：合计不等于分项之和、文字与表格不符、部分大于整体、重复印出的行……
-- 应为、实际、差额的单位见 unit：金额为万元，项目数等计数为个或项
SELECT doc_id, status, check_kind, description, expected, actual, difference, unit, source_lines
FROM checks
WHERE status <> 'ok'
ORDER BY status = 'mismatch' DESC, unit, abs(difference) DESC;`,
  },
  {
    id: 'three-public-share',
    title: '“三公”经费占部门支出总额的比例',
    sql: `-- “三公”经费占部门支出总额的比例（‰），数字来自情况说明
SELECT f.doc_id,
       max(f.value) FILTER (WHERE f.fact_key = 'three_public_total') AS three_public_total,
       max(f.value) FILTER (WHERE f.fact_key = 'expenditure_total') AS expenditure_total,
       round(1000 * three_public_total / expenditure_total, 2) AS per_mille
FROM facts f
GROUP BY f.doc_id
HAVING expenditure_total IS NOT NULL
ORDER BY per_mille DESC;`,
  },
  {
    id: 'basic-vs-project',
    title: '基本支出和项目支出各占多少？',
    sql: `-- 部门支出总表的合计行：基本支出与项目支出（万元）
-- 原表印的合计在 printed_totals 表，每行一个数，column_name 说明它是哪一列
SELECT doc_id,
       max(amount) FILTER (WHERE column_name = 'total') AS total,
       max(amount) FILTER (WHERE column_name = 'basic_total') AS basic_total,
       max(amount) FILTER (WHERE column_name = 'project_total') AS project_total,
       round(100 * project_total / total, 1) AS project_pct
FROM printed_totals
WHERE table_name = 'expenditure_by_function' AND table_kind = 'department' AND row_kind = 'total'
GROUP BY doc_id, source_line
ORDER BY project_pct DESC, doc_id;`,
  },
  {
    id: 'functions',
    title: '钱花在哪些功能科目上？',
    sql: `-- 一般公共预算支出按功能分类“类”级科目（万元）
SELECT doc_id, func_code, func_name, total
FROM expenditure_by_function
WHERE table_kind = 'general_public' AND row_kind = 'function' AND func_level = 1
ORDER BY doc_id, total DESC;`,
  },
  {
    id: 'printed-totals-vs-items',
    title: '原表印的合计，等于各分项相加吗？',
    sql: `-- 原表印的合计（printed_totals）与分项表各行相加（万元），差得最多的在前。
-- projects、income_by_unit、basic_by_economic 只收分项：一列直接相加就是合计，不必筛选
WITH items AS (
  SELECT 'projects' AS table_name, doc_id, count(*) AS items, sum(total) AS items_sum FROM projects GROUP BY doc_id
  UNION ALL
  SELECT 'income_by_unit', doc_id, count(*), sum(total) FROM income_by_unit GROUP BY doc_id
  UNION ALL
  SELECT 'basic_by_economic', doc_id, count(*), sum(total) FROM basic_by_economic GROUP BY doc_id
)
SELECT t.doc_id, t.table_name, t.amount AS printed_total, round(i.items_sum, 6) AS items_sum, i.items,
       round(i.items_sum - t.amount, 6) AS difference, t.source_line
FROM printed_totals t
JOIN items i USING (doc_id, table_name)
WHERE t.row_kind = 'total' AND t.column_name = 'total'
ORDER BY abs(difference) DESC, t.doc_id, t.table_name;`,
  },
  {
    id: 'satisfaction-targets',
    title: '满意度目标定得多高？',
    sql: `-- 满意度指标的目标值（%）：各文件的最低、平均、最高
SELECT doc_id, count(*) AS indicators,
       min(target_value) AS lowest, round(avg(target_value), 1) AS average, max(target_value) AS highest
FROM project_indicators
WHERE category = 'satisfaction' AND target_value IS NOT NULL
GROUP BY doc_id
ORDER BY doc_id;`,
  },
  {
    id: 'shared-indicators',
    title: '不同城市用了哪些相同的绩效指标？',
    sql: `-- 在两份以上文件中出现的绩效指标
SELECT indicator, count(DISTINCT doc_id) AS documents, count(*) AS times,
       string_agg(DISTINCT target_text, ' | ') AS targets
FROM project_indicators
GROUP BY indicator
HAVING count(DISTINCT doc_id) >= 2
ORDER BY times DESC;`,
  },
  {
    id: 'missing-tables',
    title: '哪些应当公开的表没有数据？',
    sql: `-- 应公开但未印出、注明无数据或版式尚未读取的标准表
SELECT doc_id, standard_zh, status, title
FROM table_presence
WHERE expected AND status <> 'present'
ORDER BY doc_id, status;`,
  },
  {
    id: 'dictionary',
    title: '数据字典：每张表有哪些列？',
    sql: `-- 每张表的列、类型和中文说明
SELECT table_name, column_name, data_type, comment
FROM duckdb_columns()
WHERE schema_name = 'main'
ORDER BY table_name, column_index;`,
  },
];

/** The query the editor starts with when the URL holds none. */
export const DEFAULT_SQL = CANNED[0]!.sql;
