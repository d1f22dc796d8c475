/**
 * The checks of the tables (they must add up, 国办公开办函〔2021〕30号): each failing one names the
 * table, row and column in Chinese, with English beside, so an office finds the cell to look at.
 * A check that passes is listed once, so the report shows what was checked.
 */
import type {
  ReportCheck,
  Table3,
  Table3Column,
  Table3Row,
  Table4,
} from '../../../../shared/contracts/annual-report';
import { TABLE3_COLUMNS } from '../../../../shared/contracts/annual-report';
import { APPLICANT_TYPES } from '../../../../shared/contracts/on-request';
import { APPLICANT_TYPE_WORDS } from '../../../../shared/words';
import { TABLE3_ROW_LABELS, TABLE3_ROWS } from '../../on-request/rules/workflow';
import { APPLICANT_COLUMNS, columnOf } from './table3';
import { TABLE4_GROUPS, TABLE4_PARTS } from './table4';

const COLUMN_WORDS: Readonly<Record<Table3Column, string>> = {
  ...(Object.fromEntries(
    APPLICANT_TYPES.map((type) => [
      columnOf(type),
      type === 'natural-person'
        ? APPLICANT_TYPE_WORDS[type]['zh-Hans']
        : `法人或其他组织·${APPLICANT_TYPE_WORDS[type]['zh-Hans']}`,
    ])
  ) as Record<Exclude<Table3Column, 'total'>, string>),
  total: '总计',
};

/** Table 3's row labels as the national table words them. */
export const TABLE3_LABELS: Readonly<Record<string, string>> = {
  new: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  ...TABLE3_ROW_LABELS,
  total: '三、（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

const TABLE4_WORDS: Readonly<Record<keyof Table4, string>> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼·复议后起诉',
};
const TABLE4_COLUMN_WORDS = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
} as const;

const ok = (message: string): ReportCheck => ({ ok: true, message });
const failed = (message: string): ReportCheck => ({ ok: false, message });

/** Table 3: 新收 + 上年结转 = 总计 + 结转下年度, column by column. */
function balance(table: Table3): ReportCheck[] {
  const { rows } = table;
  const failures = TABLE3_COLUMNS.filter(
    (column) =>
      rows.new[column] + rows.carriedOver[column] !==
      rows.total[column] + rows.carriedForward[column]
  ).map((column) =>
    failed(
      `表三“${COLUMN_WORDS[column]}”列：新收 ${rows.new[column]} + 上年结转 ${rows.carriedOver[column]} ≠ 总计 ${rows.total[column]} + 结转下年度 ${rows.carriedForward[column]} (table 3, column ${column}: new + carried over ≠ total + carried forward)`
    )
  );
  return failures.length
    ? failures
    : [
        ok(
          '表三：各列新收 + 上年结转 = 总计 + 结转下年度 (table 3: new + carried over = total + carried forward in every column)'
        ),
      ];
}

/** Table 3: （七）总计 = the sum of the outcome rows, column by column. */
function totalOfRows(table: Table3): ReportCheck[] {
  const { rows } = table;
  const failures = TABLE3_COLUMNS.flatMap((column) => {
    const sum = TABLE3_ROWS.reduce((total, key) => total + (rows[key]?.[column] ?? 0), 0);
    return sum === rows.total[column]
      ? []
      : [
          failed(
            `表三“${TABLE3_LABELS.total}”行“${COLUMN_WORDS[column]}”列：${rows.total[column]} ≠ 各办理结果行之和 ${sum} (table 3, row total, column ${column}: not the sum of the outcome rows)`
          ),
        ];
  });
  return failures.length
    ? failures
    : [ok('表三：总计 = 各办理结果行之和 (table 3: total = the sum of the outcome rows)')];
}

/** Table 3: every row's 总计 column = the sum of its applicant columns. */
function totalOfColumns(table: Table3): ReportCheck[] {
  const failures = Object.entries(table.rows).flatMap(([key, row]: [string, Table3Row]) => {
    const sum = APPLICANT_COLUMNS.reduce((total, column) => total + row[column], 0);
    return sum === row.total
      ? []
      : [
          failed(
            `表三“${TABLE3_LABELS[key] ?? key}”行“总计”列：${row.total} ≠ 各申请人列之和 ${sum} (table 3, row ${key}, column total: not the sum of the applicant columns)`
          ),
        ];
  });
  return failures.length
    ? failures
    : [
        ok(
          '表三：各行总计 = 各申请人列之和 (table 3: each row’s total = the sum of its applicant columns)'
        ),
      ];
}

/** Table 4: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group. */
function challengeTotals(table: Table4): ReportCheck[] {
  const failures = TABLE4_GROUPS.flatMap((group) => {
    const columns = table[group];
    const sum = TABLE4_PARTS.reduce((total, part) => total + columns[part], 0);
    return sum === columns.total
      ? []
      : [
          failed(
            `表四“${TABLE4_WORDS[group]}”“${TABLE4_COLUMN_WORDS.total}”列：${columns.total} ≠ 结果维持、结果纠正、其他结果、尚未审结之和 ${sum} (table 4, ${group}, column total: not upheld + corrected + other + pending)`
          ),
        ];
  });
  return failures.length
    ? failures
    : [
        ok(
          '表四：各项总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (table 4: each total = upheld + corrected + other + pending)'
        ),
      ];
}

/** Table 3: 上年结转 = the last report's 结转下年度, column by column. */
function carriedOverMatches(table: Table3, previous: Table3Row): ReportCheck[] {
  const failures = TABLE3_COLUMNS.filter(
    (column) => table.rows.carriedOver[column] !== previous[column]
  ).map((column) =>
    failed(
      `表三“${TABLE3_LABELS.carriedOver}”行“${COLUMN_WORDS[column]}”列：${table.rows.carriedOver[column]} ≠ 上期报告结转下年度 ${previous[column]} (table 3, row carriedOver, column ${column}: not the last report’s carried forward)`
    )
  );
  return failures.length
    ? failures
    : [
        ok(
          '表三：上年结转 = 上期报告结转下年度 (table 3: carried over = the last report’s carried forward)'
        ),
      ];
}

export interface CheckInput {
  table3: Table3;
  table4: Table4;
  /** The last report's 结转下年度 row, when that report's figures are known */
  previousCarriedForward?: Table3Row | null;
  /** Concluded cases whose outcome is no row of table 3 */
  unclassified?: number;
}

export function checkTables(input: CheckInput): ReportCheck[] {
  const checks = [
    ...balance(input.table3),
    ...totalOfRows(input.table3),
    ...totalOfColumns(input.table3),
    ...challengeTotals(input.table4),
  ];
  if (input.previousCarriedForward)
    checks.push(...carriedOverMatches(input.table3, input.previousCarriedForward));
  if (input.unclassified)
    checks.push(
      failed(
        `表三“三、本年度办理结果”：${input.unclassified} 件已办结申请没有可归入的办理结果 (table 3: ${input.unclassified} concluded cases have no outcome row)`
      )
    );
  return checks;
}

/** One organization's part of a region's report, as checked on its own. */
export interface RegionPart extends CheckInput {
  organization: { code: string; name: string };
}

/**
 * A region's checks (region=true): the summed tables checked as a report of their own (`sum`), then
 * each organization's tables, a failing check of an organization named by it (「沂南县人民政府（371321000）：
 * …」), so the office whose figures do not add up is the one to look. A sum can add up while two parts
 * fail in ways that cancel out, and a part's failure is found in the sum without saying whose it is.
 */
export function checkRegion(sum: CheckInput, parts: readonly RegionPart[]): ReportCheck[] {
  const named = parts.flatMap(({ organization, ...input }) =>
    checkTables(input)
      .filter((check) => !check.ok)
      .map((check) =>
        failed(
          `${organization.name}（${organization.code}）：${check.message.replace(/ \(/, ` (${organization.code}: `)}`
        )
      )
  );
  return [...checkTables(sum), ...named];
}
