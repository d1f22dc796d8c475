import {
  TABLE3_COLUMNS,
  type AnnualReportData,
  type ChallengeColumns,
  type Table2,
  type Table3,
  type Table3Row,
  type Table4,
} from '../../../../shared/contracts/annual-report';
import {
  REPORT_SECTION_WORDS,
  TABLE2_HEADING_WORDS,
  TABLE2_ROW_WORDS,
  TABLE3_COLUMN_WORDS,
  TABLE3_FRAME_WORDS,
  TABLE4_COLUMN_WORDS,
  TABLE4_GROUP_WORDS,
  TABLE4_LITIGATION_WORDS,
} from '../../../../shared/words';
import { TABLE3_ROWS, TABLE3_ROW_LABELS } from '../../on-request/rules/workflow';

/**
 * Tables 2, 3 and 4 in the national layout (国办公开办函〔2021〕30号), as grids of cells with their
 * merges, the way an HTML table is written: each row lists its own cells, a cell spanning rows is
 * left out of the rows below. The .docx and the .xlsx are both drawn from these grids, so the two
 * downloads cannot disagree on a heading or a figure.
 */
export interface GridCell {
  value: string | number;
  colSpan?: number;
  rowSpan?: number;
  /** A heading cell (bold, centred), as opposed to a figure or a row's label */
  header?: boolean;
}

export interface ReportGrid {
  key: 'table2' | 'table3' | 'table4';
  /** The section heading the table stands under (二、三、四) */
  title: string;
  /** The sheet's name in the .xlsx (Excel allows 31 characters, no slashes) */
  sheetName: string;
  columns: number;
  rows: GridCell[][];
}

const zh = (word: { 'zh-Hans': string }) => word['zh-Hans'];
const head = (value: string, span: { colSpan?: number; rowSpan?: number } = {}): GridCell => ({
  value,
  header: true,
  ...span,
});

function table2Grid(table: Table2): ReportGrid {
  const H = TABLE2_HEADING_WORDS;
  const group = (title: string, unit: string): GridCell[][] => [
    [head(title, { colSpan: 4 })],
    [head(zh(H.content)), head(unit, { colSpan: 3 })],
  ];
  const decisions = (
    key: 'administrativeLicensing' | 'administrativePenalty' | 'administrativeEnforcement'
  ) => [{ value: zh(TABLE2_ROW_WORDS[key]) }, { value: table[key].decisions, colSpan: 3 }];
  const documents = (key: 'regulations' | 'normativeDocuments') => [
    { value: zh(TABLE2_ROW_WORDS[key]) },
    { value: table[key].issued },
    { value: table[key].repealed },
    { value: table[key].valid },
  ];
  return {
    key: 'table2',
    title: zh(REPORT_SECTION_WORDS.proactive),
    sheetName: '表二 主动公开',
    columns: 4,
    rows: [
      [head(zh(H.article20Item1), { colSpan: 4 })],
      [head(zh(H.content)), head(zh(H.issued)), head(zh(H.repealed)), head(zh(H.valid))],
      documents('regulations'),
      documents('normativeDocuments'),
      ...group(zh(H.article20Item5), zh(H.decisions)),
      decisions('administrativeLicensing'),
      ...group(zh(H.article20Item6), zh(H.decisions)),
      decisions('administrativePenalty'),
      decisions('administrativeEnforcement'),
      ...group(zh(H.article20Item8), zh(H.feeAmount)),
      [
        { value: zh(TABLE2_ROW_WORDS.administrativeFees) },
        { value: table.administrativeFees.amount, colSpan: 3 },
      ],
    ],
  };
}

const ZERO_ROW: Table3Row = Object.fromEntries(
  TABLE3_COLUMNS.map((column) => [column, 0])
) as Table3Row;
const figuresOf = (row: Table3Row | undefined): GridCell[] =>
  TABLE3_COLUMNS.map((column) => ({ value: (row ?? ZERO_ROW)[column] ?? 0 }));

/** An outcome row's label split as the national table prints it: the group ('（三）不予公开') and the numbered reason. */
export function outcomeLabel(row: string): { group: string; item: string | null } {
  const label = TABLE3_ROW_LABELS[row] ?? row;
  const space = label.indexOf(' ');
  return space < 0
    ? { group: label, item: null }
    : { group: label.slice(0, space), item: label.slice(space + 1) };
}

function table3Grid(table: Table3): ReportGrid {
  const F = TABLE3_FRAME_WORDS;
  const legal = TABLE3_COLUMNS.filter((column) => column !== 'naturalPerson' && column !== 'total');
  const outcomeRows: GridCell[][] = [];
  const groups = new Map<string, string[]>();
  for (const row of TABLE3_ROWS) {
    const { group } = outcomeLabel(row);
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const [group, rows] of groups) {
    rows.forEach((row, index) => {
      const { item } = outcomeLabel(row);
      const labels: GridCell[] =
        item === null
          ? [{ value: group, colSpan: 2 }]
          : index === 0
            ? [{ value: group, rowSpan: rows.length }, { value: item }]
            : [{ value: item }];
      outcomeRows.push([...labels, ...figuresOf(table.rows[row])]);
    });
  }
  outcomeRows.push([{ value: zh(F.total), colSpan: 2 }, ...figuresOf(table.rows.total)]);
  // 三、本年度办理结果 spans every outcome row and the total.
  outcomeRows[0].unshift({ value: zh(F.outcomes), rowSpan: outcomeRows.length });
  return {
    key: 'table3',
    title: zh(REPORT_SECTION_WORDS.requests),
    sheetName: '表三 依申请公开',
    columns: 3 + TABLE3_COLUMNS.length,
    rows: [
      [
        head(zh(F.reconciliation), { colSpan: 3, rowSpan: 3 }),
        head(zh(F.applicants), { colSpan: TABLE3_COLUMNS.length }),
      ],
      [
        head(zh(TABLE3_COLUMN_WORDS.naturalPerson), { rowSpan: 2 }),
        head(zh(F.legalPersons), { colSpan: legal.length }),
        head(zh(TABLE3_COLUMN_WORDS.total), { rowSpan: 2 }),
      ],
      legal.map((column) => head(zh(TABLE3_COLUMN_WORDS[column]))),
      [{ value: zh(F.new), colSpan: 3 }, ...figuresOf(table.rows.new)],
      [{ value: zh(F.carriedOver), colSpan: 3 }, ...figuresOf(table.rows.carriedOver)],
      ...outcomeRows,
      [{ value: zh(F.carriedForward), colSpan: 3 }, ...figuresOf(table.rows.carriedForward)],
    ],
  };
}

const CHALLENGE_COLUMNS: ReadonlyArray<keyof ChallengeColumns> = [
  'upheld',
  'corrected',
  'other',
  'pending',
  'total',
];

function table4Grid(table: Table4): ReportGrid {
  const columnHeads = (span: { rowSpan?: number }) =>
    CHALLENGE_COLUMNS.map((column) => head(zh(TABLE4_COLUMN_WORDS[column]), span));
  const figures = (group: ChallengeColumns): GridCell[] =>
    CHALLENGE_COLUMNS.map((column) => ({ value: group[column] }));
  return {
    key: 'table4',
    title: zh(REPORT_SECTION_WORDS.challenges),
    sheetName: '表四 复议诉讼',
    columns: 15,
    rows: [
      [
        head(zh(TABLE4_GROUP_WORDS.reconsideration), { colSpan: 5 }),
        head(zh(TABLE4_LITIGATION_WORDS), { colSpan: 10 }),
      ],
      [
        ...columnHeads({ rowSpan: 2 }),
        head(zh(TABLE4_GROUP_WORDS.litigationDirect), { colSpan: 5 }),
        head(zh(TABLE4_GROUP_WORDS.litigationAfterReconsideration), { colSpan: 5 }),
      ],
      [...columnHeads({}), ...columnHeads({})],
      [
        ...figures(table.reconsideration),
        ...figures(table.litigationDirect),
        ...figures(table.litigationAfterReconsideration),
      ],
    ],
  };
}

/** The three tables of a computed report, in the national layout, in the order the report prints them. */
export const reportGrids = (tables: AnnualReportData['tables']): ReportGrid[] => [
  table2Grid(tables.table2),
  table3Grid(tables.table3),
  table4Grid(tables.table4),
];

/** A cell with its place in the grid (0-based row and column), the covered positions worked out. */
export interface PlacedCell {
  row: number;
  column: number;
  cell: GridCell;
}

/**
 * Where each cell of a grid lands, as a browser lays out an HTML table: a cell takes the first
 * column of its row not covered by a cell spanning down from above. Throws when a row does not fill
 * the grid's width exactly (a layout mistake, caught by the tests).
 */
export function placeCells(grid: ReportGrid): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  grid.rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      placed.push({ row, column, cell });
      for (let r = 0; r < (cell.rowSpan ?? 1); r += 1)
        for (let c = 0; c < (cell.colSpan ?? 1); c += 1) taken.add(`${row + r}:${column + c}`);
      column += cell.colSpan ?? 1;
    }
    const width = [...taken].filter((key) => key.startsWith(`${row}:`)).length;
    if (width !== grid.columns)
      throw new Error(`${grid.key} row ${row + 1} covers ${width} of ${grid.columns} columns`);
  });
  return placed;
}
