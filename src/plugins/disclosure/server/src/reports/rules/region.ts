/**
 * A region's summary (a province's or city's 汇总表): the tables of the organization and every one
 * below it, cell by cell. The summary is the sum of its parts by construction; an entered figure in
 * any part makes the summed figure `entered`.
 */
import type { Table2, Table3, Table4 } from '../../../../shared/contracts/annual-report';
import { TABLE3_COLUMNS } from '../../../../shared/contracts/annual-report';
import { emptyTable3, TABLE3_ROW_KEYS } from './table3';
import { emptyTable4, TABLE4_GROUPS, TABLE4_PARTS } from './table4';

export interface ReportTables {
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

const DOCUMENT_GROUPS = ['regulations', 'normativeDocuments'] as const;
const DECISION_GROUPS = [
  'administrativeLicensing',
  'administrativePenalty',
  'administrativeEnforcement',
] as const;

/** Fees in 万元 are summed to the 0.0001 (one yuan), so 0.1 + 0.2 reads 0.3. */
const addAmounts = (a: number, b: number): number => Math.round((a + b) * 10000) / 10000;

export function sumTables(parts: readonly ReportTables[]): ReportTables {
  const table2: Table2 = {
    regulations: { issued: 0, repealed: 0, valid: 0 },
    normativeDocuments: { issued: 0, repealed: 0, valid: 0 },
    administrativeLicensing: { decisions: 0, source: 'catalogue' },
    administrativePenalty: { decisions: 0, source: 'catalogue' },
    administrativeEnforcement: { decisions: 0, source: 'catalogue' },
    administrativeFees: { amount: 0, source: 'catalogue' },
  };
  const table3 = emptyTable3();
  const table4 = emptyTable4();
  for (const part of parts) {
    for (const group of DOCUMENT_GROUPS)
      for (const key of ['issued', 'repealed', 'valid'] as const)
        table2[group][key] += part.table2[group][key];
    for (const group of DECISION_GROUPS) {
      table2[group].decisions += part.table2[group].decisions;
      if (part.table2[group].source === 'entered') table2[group].source = 'entered';
    }
    table2.administrativeFees.amount = addAmounts(
      table2.administrativeFees.amount,
      part.table2.administrativeFees.amount
    );
    if (part.table2.administrativeFees.source === 'entered')
      table2.administrativeFees.source = 'entered';
    for (const key of TABLE3_ROW_KEYS)
      for (const column of TABLE3_COLUMNS)
        table3.rows[key][column] += part.table3.rows[key]?.[column] ?? 0;
    for (const group of TABLE4_GROUPS)
      for (const column of [...TABLE4_PARTS, 'total'] as const)
        table4[group][column] += part.table4[group][column];
  }
  return { table2, table3, table4 };
}
