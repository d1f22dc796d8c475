import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import {
  TABLE3_COLUMNS,
  type AnnualReportData,
  type ChallengeColumns,
  type FigureSource,
  type ReportCheck,
  type Table2,
  type Table3,
  type Table3Row,
  type Table4,
} from '../../../../shared/contracts/annual-report';
import {
  OUTCOME_REASONS,
  OUTCOMES,
  type OutcomeReason,
} from '../../../../shared/contracts/on-request';
import {
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
  REPORT_SECTION_WORDS,
  TABLE2_HEADING_WORDS,
  TABLE2_ROW_WORDS,
  TABLE3_COLUMN_WORDS,
  TABLE3_FRAME_WORDS,
  TABLE4_COLUMN_WORDS,
  TABLE4_GROUP_WORDS,
  TABLE4_LITIGATION_WORDS,
} from '../../../../shared/words';
import { useT, useWord } from '../common';

type Tables = AnnualReportData['tables'];

/** A ruled table as the national format prints it (merged headings, figures centred). */
const Grid = styled.table`
  border-collapse: collapse;
  width: 100%;
  background: ${({ theme }) => theme.colors.neutral0};
  th,
  td {
    border: 1px solid ${({ theme }) => theme.colors.neutral300};
    padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
    font-size: ${({ theme }) => theme.fontSizes[1]};
    color: ${({ theme }) => theme.colors.neutral800};
    vertical-align: middle;
  }
  th {
    background: ${({ theme }) => theme.colors.neutral100};
    font-weight: 600;
    text-align: center;
  }
  td[data-figure] {
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
`;

/** A figure cell; `entered` marks a figure the office entered rather than one counted (填报). */
const Figure = ({
  cell,
  value,
  source,
  colSpan,
}: {
  cell: string;
  value: number;
  source?: FigureSource;
  colSpan?: number;
}) => {
  const t = useT();
  return (
    <td data-figure data-cell={cell} colSpan={colSpan}>
      <Flex gap={2} justifyContent="center">
        <span data-testid="figure">{value.toLocaleString('zh-CN')}</span>
        {source === 'entered' && (
          <Badge variant="secondary" data-testid="entered">
            {t('report.entered', '填报')}
          </Badge>
        )}
      </Flex>
    </td>
  );
};

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) => (
  <Box data-testid={testId} background="neutral0" padding={4} shadow="filterShadow" hasRadius>
    <Box paddingBottom={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
    </Box>
    <Box overflow="auto">{children}</Box>
  </Box>
);

/** 二、主动公开政府信息情况 */
export const Table2View = ({ table }: { table: Table2 }) => {
  const word = useWord();
  const H = TABLE2_HEADING_WORDS;
  const documents = (key: 'regulations' | 'normativeDocuments') => (
    <tr>
      <td>{word(TABLE2_ROW_WORDS[key])}</td>
      <Figure cell={`table2:${key}:issued`} value={table[key].issued} />
      <Figure cell={`table2:${key}:repealed`} value={table[key].repealed} />
      <Figure cell={`table2:${key}:valid`} value={table[key].valid} />
    </tr>
  );
  const decisions = (
    key: 'administrativeLicensing' | 'administrativePenalty' | 'administrativeEnforcement'
  ) => (
    <tr>
      <td>{word(TABLE2_ROW_WORDS[key])}</td>
      <Figure
        cell={`table2:${key}:decisions`}
        value={table[key].decisions}
        source={table[key].source}
        colSpan={3}
      />
    </tr>
  );
  const group = (title: string, unit: string) => (
    <>
      <tr>
        <th colSpan={4}>{title}</th>
      </tr>
      <tr>
        <th>{word(H.content)}</th>
        <th colSpan={3}>{unit}</th>
      </tr>
    </>
  );
  return (
    <Section title={word(REPORT_SECTION_WORDS.proactive)} testId="report-table2">
      <Grid>
        <tbody>
          <tr>
            <th colSpan={4}>{word(H.article20Item1)}</th>
          </tr>
          <tr>
            <th>{word(H.content)}</th>
            <th>{word(H.issued)}</th>
            <th>{word(H.repealed)}</th>
            <th>{word(H.valid)}</th>
          </tr>
          {documents('regulations')}
          {documents('normativeDocuments')}
          {group(word(H.article20Item5), word(H.decisions))}
          {decisions('administrativeLicensing')}
          {group(word(H.article20Item6), word(H.decisions))}
          {decisions('administrativePenalty')}
          {decisions('administrativeEnforcement')}
          {group(word(H.article20Item8), word(H.feeAmount))}
          <tr>
            <td>{word(TABLE2_ROW_WORDS.administrativeFees)}</td>
            <Figure
              cell="table2:administrativeFees:amount"
              value={table.administrativeFees.amount}
              source={table.administrativeFees.source}
              colSpan={3}
            />
          </tr>
        </tbody>
      </Grid>
    </Section>
  );
};

const camel = (code: string): string =>
  code.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const GROUP_NUMBERS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];

/** 三、本年度办理结果 by group, each with its numbered reasons (the keys of the server's table-3 rows). */
const OUTCOME_GROUPS = OUTCOMES.map((outcome, index) => ({
  outcome,
  number: GROUP_NUMBERS[index],
  rows: (OUTCOME_REASONS[outcome] as readonly OutcomeReason[]).length
    ? (OUTCOME_REASONS[outcome] as readonly OutcomeReason[]).map((reason, item) => ({
        key: `${camel(outcome)}.${camel(reason)}`,
        reason,
        item: item + 1,
      }))
    : [{ key: camel(outcome), reason: null, item: 0 }],
}));
const OUTCOME_ROW_COUNT = OUTCOME_GROUPS.reduce((sum, group) => sum + group.rows.length, 0);

const EMPTY_ROW = Object.fromEntries(TABLE3_COLUMNS.map((column) => [column, 0])) as Table3Row;

/** 三、收到和处理政府信息公开申请情况 */
export const Table3View = ({ table }: { table: Table3 }) => {
  const word = useWord();
  const F = TABLE3_FRAME_WORDS;
  const legal = TABLE3_COLUMNS.filter((column) => column !== 'naturalPerson' && column !== 'total');
  const figures = (key: string) =>
    TABLE3_COLUMNS.map((column) => (
      <Figure
        key={column}
        cell={`table3:${key}:${column}`}
        value={(table.rows[key] ?? EMPTY_ROW)[column] ?? 0}
      />
    ));
  return (
    <Section title={word(REPORT_SECTION_WORDS.requests)} testId="report-table3">
      <Grid>
        <thead>
          <tr>
            <th colSpan={3} rowSpan={3}>
              {word(F.reconciliation)}
            </th>
            <th colSpan={TABLE3_COLUMNS.length}>{word(F.applicants)}</th>
          </tr>
          <tr>
            <th rowSpan={2}>{word(TABLE3_COLUMN_WORDS.naturalPerson)}</th>
            <th colSpan={legal.length}>{word(F.legalPersons)}</th>
            <th rowSpan={2}>{word(TABLE3_COLUMN_WORDS.total)}</th>
          </tr>
          <tr>
            {legal.map((column) => (
              <th key={column}>{word(TABLE3_COLUMN_WORDS[column])}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-row="new">
            <td colSpan={3}>{word(F.new)}</td>
            {figures('new')}
          </tr>
          <tr data-row="carriedOver">
            <td colSpan={3}>{word(F.carriedOver)}</td>
            {figures('carriedOver')}
          </tr>
          {OUTCOME_GROUPS.flatMap((group, groupIndex) =>
            group.rows.map((row, index) => (
              <tr key={row.key} data-row={row.key}>
                {groupIndex === 0 && index === 0 && (
                  <td rowSpan={OUTCOME_ROW_COUNT + 1}>{word(F.outcomes)}</td>
                )}
                {row.reason === null ? (
                  <td colSpan={2}>{`${group.number}${word(OUTCOME_WORDS[group.outcome])}`}</td>
                ) : (
                  <>
                    {index === 0 && (
                      <td rowSpan={group.rows.length}>
                        {`${group.number}${word(OUTCOME_WORDS[group.outcome])}`}
                      </td>
                    )}
                    <td>{`${row.item}.${word(OUTCOME_REASON_WORDS[row.reason])}`}</td>
                  </>
                )}
                {figures(row.key)}
              </tr>
            ))
          )}
          <tr data-row="total">
            <td colSpan={2}>{word(F.total)}</td>
            {figures('total')}
          </tr>
          <tr data-row="carriedForward">
            <td colSpan={3}>{word(F.carriedForward)}</td>
            {figures('carriedForward')}
          </tr>
        </tbody>
      </Grid>
    </Section>
  );
};

const CHALLENGE_COLUMNS: ReadonlyArray<keyof ChallengeColumns> = [
  'upheld',
  'corrected',
  'other',
  'pending',
  'total',
];
const TABLE4_GROUPS: ReadonlyArray<keyof Table4> = [
  'reconsideration',
  'litigationDirect',
  'litigationAfterReconsideration',
];

/** 四、政府信息公开行政复议、行政诉讼情况 */
export const Table4View = ({ table }: { table: Table4 }) => {
  const word = useWord();
  const heads = (rowSpan?: number) =>
    CHALLENGE_COLUMNS.map((column) => (
      <th key={column} rowSpan={rowSpan}>
        {word(TABLE4_COLUMN_WORDS[column])}
      </th>
    ));
  return (
    <Section title={word(REPORT_SECTION_WORDS.challenges)} testId="report-table4">
      <Grid>
        <thead>
          <tr>
            <th colSpan={5}>{word(TABLE4_GROUP_WORDS.reconsideration)}</th>
            <th colSpan={10}>{word(TABLE4_LITIGATION_WORDS)}</th>
          </tr>
          <tr>
            {heads(2)}
            <th colSpan={5}>{word(TABLE4_GROUP_WORDS.litigationDirect)}</th>
            <th colSpan={5}>{word(TABLE4_GROUP_WORDS.litigationAfterReconsideration)}</th>
          </tr>
          <tr>
            {heads()}
            {heads()}
          </tr>
        </thead>
        <tbody>
          <tr>
            {TABLE4_GROUPS.flatMap((group) =>
              CHALLENGE_COLUMNS.map((column) => (
                <Figure
                  key={`${group}-${column}`}
                  cell={`table4:${group}:${column}`}
                  value={table[group][column]}
                />
              ))
            )}
          </tr>
        </tbody>
      </Grid>
    </Section>
  );
};

/**
 * A check's words for the screen: the server writes Chinese with English beside, in brackets, that
 * names rows and columns by their keys; a Chinese admin shows the Chinese only.
 */
export const checkText = (message: string, chinese: boolean): string =>
  chinese ? message.replace(/\s*\([^()\u4e00-\u9fff]*\)\s*$/u, '') : message;

/** The checks: failures first, in red, each naming its table, row and column; then what passed. */
export const ChecksView = ({ checks }: { checks: ReportCheck[] }) => {
  const t = useT();
  const chinese = useIntl().locale.toLowerCase().startsWith('zh');
  const failures = checks.filter((check) => !check.ok);
  const passed = checks.filter((check) => check.ok);
  return (
    <Box
      data-testid="report-checks"
      background={failures.length ? 'danger100' : 'success100'}
      borderColor={failures.length ? 'danger600' : 'success600'}
      padding={4}
      hasRadius
    >
      <Typography variant="delta" tag="h2" textColor={failures.length ? 'danger700' : 'success700'}>
        {failures.length
          ? t('report.checks.failed', '核对未通过：{count} 项', { count: failures.length })
          : t('report.checks.passed', '核对通过')}
      </Typography>
      <Box tag="ul" paddingTop={2}>
        {failures.map((check) => (
          <li key={check.message} data-testid="report-check" data-ok="false">
            <Typography textColor="danger700" fontWeight="bold">
              ✗ {checkText(check.message, chinese)}
            </Typography>
          </li>
        ))}
        {passed.map((check) => (
          <li key={check.message} data-testid="report-check" data-ok="true">
            <Typography textColor="success700">✓ {checkText(check.message, chinese)}</Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
};

const sum = (row: ChallengeColumns) => row.total;

/** 区域汇总: each organization's main figures, the region's sum last. */
export const RegionBreakdown = ({
  organizations,
  tables,
}: {
  organizations: NonNullable<AnnualReportData['region']>['organizations'];
  tables: Tables;
}) => {
  const t = useT();
  const word = useWord();
  const columns: Array<[string, string, (tables: Tables) => number]> = [
    ['new', word(TABLE3_FRAME_WORDS.new), (x) => x.table3.rows.new.total],
    ['carriedOver', word(TABLE3_FRAME_WORDS.carriedOver), (x) => x.table3.rows.carriedOver.total],
    ['total', t('report.region.concluded', '办理结果总计'), (x) => x.table3.rows.total.total],
    [
      'carriedForward',
      word(TABLE3_FRAME_WORDS.carriedForward),
      (x) => x.table3.rows.carriedForward.total,
    ],
    [
      'regulations',
      t('report.region.regulations', '规章本年制发'),
      (x) => x.table2.regulations.issued,
    ],
    [
      'normativeDocuments',
      t('report.region.normativeDocuments', '行政规范性文件本年制发'),
      (x) => x.table2.normativeDocuments.issued,
    ],
    [
      'reconsideration',
      t('report.region.reconsideration', '行政复议总计'),
      (x) => sum(x.table4.reconsideration),
    ],
    [
      'litigation',
      t('report.region.litigation', '行政诉讼总计'),
      (x) => sum(x.table4.litigationDirect) + sum(x.table4.litigationAfterReconsideration),
    ],
  ];
  return (
    <Section title={t('report.region.title', '区域汇总：各机构明细')} testId="report-region">
      <Grid>
        <thead>
          <tr>
            <th>{t('report.organization', '机构')}</th>
            {columns.map(([key, label]) => (
              <th key={key}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {organizations.map((entry) => (
            <tr
              key={entry.organization.documentId}
              data-testid="region-row"
              data-organization={entry.organization.code}
            >
              <td>{entry.organization.name}</td>
              {columns.map(([key, , figure]) => (
                <Figure
                  key={key}
                  cell={`region:${entry.organization.code}:${key}`}
                  value={figure(entry.tables)}
                />
              ))}
            </tr>
          ))}
          <tr data-testid="region-sum">
            <th>{t('report.region.sum', '合计')}</th>
            {columns.map(([key, , figure]) => (
              <Figure key={key} cell={`region:sum:${key}`} value={figure(tables)} />
            ))}
          </tr>
        </tbody>
      </Grid>
    </Section>
  );
};
