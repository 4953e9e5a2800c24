// Every disclosure table type the pipeline reads. A new table type is one new module listed here.
import type { TableModule } from '../types.ts';
import { summary } from './summary.ts';
import { incomeByUnit } from './incomeByUnit.ts';
import { expenditureByFunction } from './expenditureByFunction.ts';
import { basicByEconomic } from './basicByEconomic.ts';
import { threePublic } from './threePublic.ts';
import { projects } from './projects.ts';
import { deptPerformance } from './deptPerformance.ts';
import { projectIndicators } from './projectIndicators.ts';
import { byFunction } from './byFunction.ts';
import { byEconomic } from './byEconomic.ts';
import { threePublicByHeader } from './threePublicByHeader.ts';
import { fiscalSummary } from './fiscalSummary.ts';
import { expenditureByEconomic } from './expenditureByEconomic.ts';
import { basicDetail } from './basicDetail.ts';
import { operatingCosts } from './operatingCosts.ts';

export const TABLE_MODULES: TableModule[] = [
  summary, incomeByUnit, expenditureByFunction, basicByEconomic, threePublic, projects, deptPerformance, projectIndicators,
  byFunction, byEconomic, threePublicByHeader,
  fiscalSummary, expenditureByEconomic, basicDetail, operatingCosts,
];

const AMOUNT_COLUMNS = new Map(TABLE_MODULES.flatMap((m) => m.schemas).map((s) => [s.name, s.columns.filter((c) => c.unit === '万元').map((c) => c.name)]));

/** Amount columns (万元) of a published table, from its schema: what a table printed in 元 converts, what printed_totals spreads out. */
export function amountColumns(table: string): string[] {
  return AMOUNT_COLUMNS.get(table) ?? [];
}

/** The reader of a standard table for a document's format (PDF keeps cells in columns: read by header). */
export function moduleFor(standard: string, format: 'txt' | 'pdf' = 'txt'): TableModule | undefined {
  const fits = TABLE_MODULES.filter((m) => m.standards.includes(standard));
  return fits.find((m) => m.formats?.includes(format)) ?? fits.find((m) => !m.formats);
}
