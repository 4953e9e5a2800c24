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

export const TABLE_MODULES: TableModule[] = [
  summary, incomeByUnit, expenditureByFunction, basicByEconomic, threePublic, projects, deptPerformance, projectIndicators,
];

export function moduleFor(standard: string): TableModule | undefined {
  return TABLE_MODULES.find((m) => m.standards.includes(standard));
}
