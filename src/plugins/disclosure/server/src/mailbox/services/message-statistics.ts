import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { CONTENT_TYPES, MESSAGE_UID } from '../../../../shared/constants';
import type {
  MessageKind,
  MessageMonthFigures,
  MessageRating,
  MessageStatistics,
  MessageStatus,
} from '../../../../shared/contracts/mailbox';
import { MESSAGE_KINDS } from '../../../../shared/contracts/mailbox';
import { MESSAGE_KIND_WORDS } from '../../../../shared/words';
import { addFigures, emptyFigures, monthDays, replyDueAt, tally } from '../rules/statistics';

type Row = Record<string, unknown>;
const num = (value: unknown): number => Number(value ?? 0) || 0;
/** A date column as the day it holds (SQLite gives text, PostgreSQL a date or text). */
const dayOf = (value: unknown): string | null => {
  if (value == null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/**
 * The month's messages of these organizations (all, for null), counted with grouped queries (by
 * organization, kind, status, rating and reply date), never read into memory: one query for the reply
 * dates of the replies sent, one for the counts, a reply counted late when sent after its date's end
 * (rules/statistics replyDueAt, the deadline engine's due instant).
 */
export async function monthStatistics(
  strapi: Core.Strapi,
  month: string,
  organizations: string[] | null,
  today: string
): Promise<MessageStatistics> {
  const knex = (): Knex => strapi.db.connection;
  const metadata = strapi.db.metadata.get(MESSAGE_UID);
  const column = (field: string): string => {
    const attribute = metadata.attributes[field] as { columnName?: string } | undefined;
    return `t.${attribute?.columnName ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  };
  const relation = metadata.attributes.organization as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  const { from, to } = monthDays(month);
  const base = () => {
    const query = knex()
      .from({ t: metadata.tableName })
      .join({ l: relation.joinTable.name }, `l.${relation.joinTable.joinColumn.name}`, 't.id')
      .join(
        { o: strapi.db.metadata.get(CONTENT_TYPES.organization).tableName },
        'o.id',
        `l.${relation.joinTable.inverseJoinColumn.name}`
      )
      .whereBetween(column('receivedOn'), [from, to]);
    if (organizations) query.whereIn('o.document_id', organizations);
    return query;
  };

  const dueDays = (
    (await base()
      .where(column('status'), 'sent')
      .whereNotNull(column('replyDueOn'))
      .distinct({ due: column('replyDueOn') })) as Row[]
  )
    .map((row) => dayOf(row.due))
    .filter((day): day is string => Boolean(day));
  const late = dueDays.length
    ? knex().raw(
        `SUM(CASE WHEN ${column('status')} = 'sent' AND (${dueDays
          .map(() => `(${column('replyDueOn')} = ? AND ${column('sentAt')} > ?)`)
          .join(' OR ')}) THEN 1 ELSE 0 END) AS ??`,
        [...dueDays.flatMap((day) => [day, replyDueAt(day)]), 'late']
      )
    : knex().raw('0 AS ??', ['late']);

  const rows = (await base()
    .groupBy(
      'o.document_id',
      'o.code',
      'o.name',
      column('kind'),
      column('status'),
      column('rating'),
      column('replyDueOn')
    )
    .select(
      'o.document_id as org',
      'o.code as code',
      'o.name as name',
      `${column('kind')} as kind`,
      `${column('status')} as status`,
      `${column('rating')} as rating`,
      `${column('replyDueOn')} as due`,
      knex().raw('COUNT(*) AS ??', ['count']),
      late
    )) as Row[];

  const byOrganization = new Map<
    string,
    MessageMonthFigures & { organization: { documentId: string; code: string; name: string } }
  >();
  for (const row of rows) {
    const documentId = String(row.org);
    let figures = byOrganization.get(documentId);
    if (!figures) {
      figures = {
        organization: { documentId, code: String(row.code), name: String(row.name) },
        ...emptyFigures(),
      };
      byOrganization.set(documentId, figures);
    }
    tally(
      figures,
      {
        kind: row.kind as MessageKind,
        status: row.status as MessageStatus,
        rating: (row.rating as MessageRating | null) ?? null,
        replyDueOn: dayOf(row.due),
        count: num(row.count),
        late: num(row.late),
      },
      today
    );
  }
  // A named organization is listed with its zeros.
  if (organizations?.length === 1 && !byOrganization.size) {
    const organization = (await strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { documentId: organizations[0] },
      select: ['documentId', 'code', 'name'],
    })) as { documentId: string; code: string; name: string } | null;
    if (organization)
      byOrganization.set(organization.documentId, {
        organization: {
          documentId: organization.documentId,
          code: organization.code,
          name: organization.name,
        },
        ...emptyFigures(),
      });
  }
  const list = [...byOrganization.values()].sort((a, b) =>
    a.organization.code.localeCompare(b.organization.code)
  );
  const total = list.reduce((sum, figures) => addFigures(sum, figures), emptyFigures());
  return { month, from, to, organizations: list, total };
}

const percent = (part: number, whole: number): string =>
  whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';

/** The Chinese headings of the workbook's columns, in order, and each row's cells. */
const COLUMNS: Array<{
  heading: string;
  width: number;
  value: (figures: MessageMonthFigures) => number | string;
}> = [
  { heading: '收信数', width: 8, value: (f) => f.received },
  ...MESSAGE_KINDS.map((kind) => ({
    heading: MESSAGE_KIND_WORDS[kind]['zh-Hans'],
    width: 8,
    value: (f: MessageMonthFigures) => f.byKind[kind],
  })),
  { heading: '按时答复', width: 10, value: (f) => f.repliedOnTime },
  { heading: '逾期答复', width: 10, value: (f) => f.repliedLate },
  {
    heading: '按时答复率',
    width: 10,
    value: (f) => percent(f.repliedOnTime, f.repliedOnTime + f.repliedLate),
  },
  { heading: '转办', width: 8, value: (f) => f.routed },
  { heading: '未办结', width: 8, value: (f) => f.open },
  { heading: '其中已逾期', width: 10, value: (f) => f.openOverdue },
  { heading: '满意', width: 8, value: (f) => f.satisfaction.satisfied },
  { heading: '已评价', width: 8, value: (f) => f.satisfaction.rated },
  { heading: '未评价', width: 8, value: (f) => f.satisfaction.notRated },
  {
    heading: '满意率',
    width: 10,
    value: (f) => percent(f.satisfaction.satisfied, f.satisfaction.rated),
  },
];

/** The title of a month's statistics, e.g. 2026年3月意见箱来信统计. */
export const statisticsTitle = (month: string): string =>
  `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月意见箱来信统计`;

/** The .xlsx: a title row, the Chinese headings, one row per organization and the total, figures as numbers. */
export async function statisticsXlsx(statistics: MessageStatistics): Promise<Buffer> {
  const title = statisticsTitle(statistics.month);
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet('来信统计');
  sheet.getCell(1, 1).value = `${title}（${statistics.from} 至 ${statistics.to}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 12 };
  const headings = ['机构代码', '机构名称', ...COLUMNS.map((column) => column.heading)];
  headings.forEach((heading, index) => {
    const cell = sheet.getCell(3, index + 1);
    cell.value = heading;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const rows: Array<[string, string, MessageMonthFigures]> = [
    ...statistics.organizations.map(
      (figures) =>
        [figures.organization.code, figures.organization.name, figures] as [
          string,
          string,
          MessageMonthFigures,
        ]
    ),
    ['', '合计', statistics.total],
  ];
  rows.forEach(([code, name, figures], index) => {
    const r = 4 + index;
    sheet.getCell(r, 1).value = code;
    sheet.getCell(r, 2).value = name;
    COLUMNS.forEach((column, c) => {
      sheet.getCell(r, c + 3).value = column.value(figures);
    });
  });
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 24;
  COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 3).width = column.width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
