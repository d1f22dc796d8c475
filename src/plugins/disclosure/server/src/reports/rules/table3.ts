/**
 * Table 3 (收到和处理政府信息公开申请情况) from the facts of the on-request cases. A case counts in a
 * period when it was received by the period's end and not concluded before it began:
 * - `new`: received in the period; `carriedOver`: received before it;
 * - each case concluded in the period counts in exactly one outcome row (the on-request rules'
 *   outcomeRow); `total` is the sum of the outcome rows;
 * - `carriedForward`: not concluded by the period's end.
 * So new + carriedOver = total + carriedForward for every column, unless a case is concluded before
 * it was received or concluded without an outcome: the checks name the column where that happens.
 */
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Outcome,
  type OutcomeReason,
} from '../../../../shared/contracts/on-request';
import {
  TABLE3_COLUMNS,
  type Table3,
  type Table3Column,
  type Table3Row,
} from '../../../../shared/contracts/annual-report';
import { outcomeRow, TABLE3_ROWS } from '../../on-request/rules/workflow';
import { inPeriod, type Period } from './period';

/** What table 3 reads of a case; `concludedOn` is the Beijing date of `concludedAt`. */
export interface CaseFacts {
  applicantType: ApplicantType;
  receivedOn: string | null;
  concludedOn: string | null;
  outcome: Outcome | null;
  outcomeReason: OutcomeReason | null;
}

/**
 * Cases of one applicant type and outcome, counted by where they stand in the period (as the
 * service's grouped query answers them): the rules build the table from these.
 */
export interface CaseGroup {
  applicantType: ApplicantType;
  outcome: Outcome | null;
  outcomeReason: OutcomeReason | null;
  new: number;
  carriedOver: number;
  /** Concluded in the period */
  concluded: number;
  carriedForward: number;
}

/** The rows that are not outcomes, in the table's order around them. */
export const TABLE3_HEAD_ROWS = ['new', 'carriedOver'] as const;
export const TABLE3_TAIL_ROWS = ['total', 'carriedForward'] as const;
/** Every row key of table 3, in the national table's order. */
export const TABLE3_ROW_KEYS: readonly string[] = [
  ...TABLE3_HEAD_ROWS,
  ...TABLE3_ROWS,
  ...TABLE3_TAIL_ROWS,
];

const camel = (code: string): string =>
  code.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The column of an applicant type: 'natural-person' → naturalPerson. */
export const columnOf = (applicantType: ApplicantType): Table3Column =>
  camel(applicantType) as Table3Column;

/** The applicant columns (every column but total). */
export const APPLICANT_COLUMNS: readonly Table3Column[] = APPLICANT_TYPES.map(columnOf);

export const emptyRow = (): Table3Row =>
  Object.fromEntries(TABLE3_COLUMNS.map((column) => [column, 0])) as Table3Row;

export function emptyTable3(): Table3 {
  return {
    columns: [...TABLE3_COLUMNS],
    rows: Object.fromEntries(TABLE3_ROW_KEYS.map((key) => [key, emptyRow()])) as Table3['rows'],
  };
}

/** The row a concluded case counts in, or null for a pair that is no row (the checks then fail). */
export function outcomeRowOrNull(
  outcome: Outcome | null,
  reason: OutcomeReason | null
): string | null {
  if (!outcome) return null;
  try {
    return outcomeRow(outcome, reason);
  } catch {
    return null;
  }
}

/** Sets each row's total column to the sum of its applicant columns, and the total row. */
function finish(table: Table3): Table3 {
  const { rows } = table;
  rows.total = emptyRow();
  for (const key of TABLE3_ROWS)
    for (const column of APPLICANT_COLUMNS) rows.total[column] += rows[key][column];
  for (const row of Object.values(rows))
    row.total = APPLICANT_COLUMNS.reduce((sum, column) => sum + row[column], 0);
  return table;
}

/**
 * Table 3 from grouped counts. Concluded cases whose outcome is no row are left out of every outcome
 * row; their number is returned (`unclassified`) for the checks to report.
 */
export function table3FromGroups(groups: readonly CaseGroup[]): {
  table: Table3;
  unclassified: number;
} {
  const table = emptyTable3();
  const { rows } = table;
  let unclassified = 0;
  for (const group of groups) {
    const column = columnOf(group.applicantType);
    rows.new[column] += group.new;
    rows.carriedOver[column] += group.carriedOver;
    rows.carriedForward[column] += group.carriedForward;
    if (group.concluded === 0) continue;
    const row = outcomeRowOrNull(group.outcome, group.outcomeReason);
    if (row) rows[row][column] += group.concluded;
    else unclassified += group.concluded;
  }
  return { table: finish(table), unclassified };
}

/** Where one case stands in the period, as a group of one (all zeros: not in this period's table). */
export function classifyCase(facts: CaseFacts, period: Period): CaseGroup {
  const { receivedOn, concludedOn } = facts;
  const counted =
    !!receivedOn && receivedOn <= period.to && !(concludedOn && concludedOn < period.from);
  return {
    applicantType: facts.applicantType,
    outcome: facts.outcome,
    outcomeReason: facts.outcomeReason,
    new: counted && inPeriod(receivedOn, period) ? 1 : 0,
    carriedOver: counted && receivedOn! < period.from ? 1 : 0,
    concluded: counted && inPeriod(concludedOn, period) ? 1 : 0,
    carriedForward: counted && (!concludedOn || concludedOn > period.to) ? 1 : 0,
  };
}

/** Table 3 of a period from the cases' facts. */
export const computeTable3 = (cases: readonly CaseFacts[], period: Period) =>
  table3FromGroups(cases.map((facts) => classifyCase(facts, period)));
