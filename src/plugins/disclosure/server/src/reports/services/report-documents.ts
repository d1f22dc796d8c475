import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  AlignmentType,
  BorderStyle,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { CONTENT_TYPES, LEDGER_READ_ACTION, SOURCE_LOCALE } from '../../../../shared/constants';
import type {
  AnnualReportData,
  ReportOrganization,
} from '../../../../shared/contracts/annual-report';
import { REPORT_SECTION_WORDS } from '../../../../shared/words';
import { getService } from '../../utils/get-service';
import {
  BODY_LINE,
  FONTS,
  SIZES,
  TEXT_WIDTH,
  TWO_CHARACTERS,
  officialDocument,
} from '../../utils/official-document';
import type { AdminAbility, AdminUser } from '../../utils/request-state';
import { placeCells, reportGrids, type GridCell, type ReportGrid } from '../rules/report-layout';
import {
  blocksParagraphs,
  otherMattersText,
  overviewText,
  reportTitle,
  type ReportPeriod,
} from '../rules/report-text';
import type { ReportFormat } from '../validation/report-documents';
import { reportPeriod } from '../rules/period';
import { storedTables } from './report-publication';

/** Who downloads: a signed-in admin account and its permissions. */
export interface ReportActor {
  user: AdminUser;
  ability: AdminAbility | null;
}

/** The report's text: its title and the paragraphs of the editable sections 一、五、六. */
export interface ReportSections {
  title: string;
  overview: string[];
  problems: string[];
  otherMatters: string[];
}

/** The stored report's columns the documents read. */
interface StoredReport {
  title: string | null;
  overview: unknown;
  problems: unknown;
  otherMatters: unknown;
}

/** A published report as stored: its text, its snapshot of the tables and the day it was published. */
interface PublishedReport extends StoredReport {
  tables: unknown;
  publishedOn: string | null;
}

/**
 * What a download's tables are: the published report's snapshot (what the public reads), or, for a
 * report not yet published, a fresh computation from the records. Said in the file's metadata.
 */
export type ReportSource = { kind: 'published'; publishedOn: string | null } | { kind: 'computed' };

export const sourceNote = (source: ReportSource): string =>
  source.kind === 'published'
    ? `已发布版本${source.publishedOn ? `（${source.publishedOn}发布）` : ''}：统计表为发布时的数据 (the published report: the tables as published${source.publishedOn ? ` on ${source.publishedOn}` : ''})`
    : '草稿：统计表按当前记录重新统计 (a draft: the tables computed from the current records)';

/** A file to download: its bytes, its name and its media type. */
export interface ReportFile {
  body: Buffer;
  filename: string;
  contentType: string;
}

const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Tables fully ruled, in 宋体 五号 (table 4's fifteen columns in 小五), in the official layout. */
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE } as const;

/** Column widths (twips) of each table: labels wide enough for the national wording, figures even. */
const COLUMN_WIDTHS: Record<ReportGrid['key'], number[]> = {
  table2: [2844, 2000, 2000, 2000],
  table3: [760, 1160, 2280, ...Array<number>(7).fill(663)],
  table4: Array<number>(15).fill(Math.floor(TEXT_WIDTH / 15)),
};

const cellText = (value: GridCell['value']): string =>
  typeof value === 'number' ? String(value) : value;

function wordTable(grid: ReportGrid): Table {
  const size = grid.key === 'table4' ? SIZES.smallTable : SIZES.table;
  const widths = COLUMN_WIDTHS[grid.key];
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: grid.rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          tableHeader: false,
          children: cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                borders: BORDERS,
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 40, right: 40 },
                children: [
                  new Paragraph({
                    alignment:
                      cell.header || typeof cell.value === 'number'
                        ? AlignmentType.CENTER
                        : AlignmentType.LEFT,
                    children: [
                      new TextRun({
                        text: cellText(cell.value),
                        font: FONTS.song,
                        size,
                        bold: cell.header,
                      }),
                    ],
                  }),
                ],
              })
          ),
        })
    ),
  });
}

const heading = (text: string) =>
  new Paragraph({
    spacing: BODY_LINE,
    indent: { firstLine: TWO_CHARACTERS, firstLineChars: 200 },
    children: [new TextRun({ text, font: FONTS.heading, size: SIZES.body })],
  });

const bodyParagraph = (text: string) =>
  new Paragraph({
    spacing: BODY_LINE,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: TWO_CHARACTERS, firstLineChars: 200 },
    children: [new TextRun({ text, font: FONTS.body, size: SIZES.body })],
  });

/** A section with no text yet still prints, so the office sees where to write. */
const EMPTY_SECTION = '（无）';

/** The .docx: title, the six sections, tables 2 to 4 as Word tables under theirs. */
export async function reportDocx(
  data: AnnualReportData,
  sections: ReportSections,
  source: ReportSource = { kind: 'computed' }
): Promise<Buffer> {
  const grids = reportGrids(data.tables);
  const tableOf = (key: ReportGrid['key']) => grids.find((grid) => grid.key === key)!;
  const textSection = (title: string, paragraphs: string[]) => [
    heading(title),
    ...(paragraphs.length ? paragraphs : [EMPTY_SECTION]).map(bodyParagraph),
  ];
  const tableSection = (key: ReportGrid['key']) => [
    heading(tableOf(key).title),
    wordTable(tableOf(key)),
    new Paragraph({ spacing: BODY_LINE, children: [] }),
  ];
  const words = REPORT_SECTION_WORDS;
  const document = officialDocument({
    creator: data.organization.name,
    title: sections.title,
    description: sourceNote(source),
    children: [
      ...textSection(words.overview['zh-Hans'], sections.overview),
      ...tableSection('table2'),
      ...tableSection('table3'),
      ...tableSection('table4'),
      ...textSection(words.problems['zh-Hans'], sections.problems),
      ...textSection(words.otherMatters['zh-Hans'], sections.otherMatters),
    ],
  });
  return Packer.toBuffer(document);
}

/** The .xlsx: one sheet per table, the national headings merged as in the .docx, figures as numbers. */
export async function reportXlsx(
  data: AnnualReportData,
  title: string,
  source: ReportSource = { kind: 'computed' }
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = data.organization.name || 'disclosure';
  workbook.title = title;
  workbook.description = sourceNote(source);
  for (const grid of reportGrids(data.tables)) {
    const sheet = workbook.addWorksheet(grid.sheetName);
    // Row 1: the report and the table; the grid starts on row 3.
    sheet.getCell(1, 1).value = `${title} ${grid.title}`;
    sheet.getCell(1, 1).font = { bold: true, size: 12 };
    const top = 3;
    for (const { row, column, cell } of placeCells(grid)) {
      const r = top + row;
      const c = column + 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(r, c, r + rowSpan - 1, c + colSpan - 1);
      const target = sheet.getCell(r, c);
      target.value = cell.value;
      target.alignment = {
        vertical: 'middle',
        horizontal: cell.header || typeof cell.value === 'number' ? 'center' : 'left',
        wrapText: true,
      };
      if (cell.header) target.font = { bold: true };
    }
    for (let r = top; r < top + grid.rows.length; r += 1)
      for (let c = 1; c <= grid.columns; c += 1)
        sheet.getCell(r, c).border = {
          top: { style: 'thin' },
          bottom: { style: 'thin' },
          left: { style: 'thin' },
          right: { style: 'thin' },
        };
    COLUMN_WIDTHS[grid.key].forEach((width, index) => {
      // Twips to Excel's character widths (about 120 twips each), never narrower than a figure.
      sheet.getColumn(index + 1).width = Math.max(8, Math.round(width / 120));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const NOT_PERMITTED =
  '无权查看该机构的年度报告 (you may not read this organization’s annual report)';

/**
 * The annual report's downloads: the report computed by the `annual-report` service, with the text
 * of the stored report for that organization and period (its zh-Hans draft, the latest words), or
 * the sections pre-filled from the records when none is stored.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Whether an account may have an organization's report (its figures, its unpublished text): super
   * admins and the auditor any; other accounts as their role reads that organization's annual reports
   * in the content manager, by the role's own scope ('same' or 'below'). A 403 otherwise.
   */
  const readsEvery = (actor: ReportActor): boolean =>
    (actor.user.roles ?? []).some((role) => role.code === 'strapi-super-admin') ||
    Boolean(actor.ability?.can(LEDGER_READ_ACTION));
  const mayRead = (actor: ReportActor, organizationDocumentId: string): boolean =>
    readsEvery(actor) ||
    getService(strapi, 'organization-roles').permits(
      actor.ability,
      'read',
      CONTENT_TYPES.annualReport,
      { organization: organizationDocumentId }
    );
  const assertMayRead = (actor: ReportActor, organizationDocumentId: string): void => {
    if (!mayRead(actor, organizationDocumentId)) throw new errors.PolicyError(NOT_PERMITTED);
  };

  /** An organization by code or documentId, or null. */
  const organizationOf = async (value: string): Promise<AnnualReportData['organization'] | null> =>
    strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { $or: [{ code: value }, { documentId: value }], locale: SOURCE_LOCALE },
      select: ['documentId', 'code', 'name'],
    });

  /** The organization's published report for the period (zh-Hans), as the public reads it. */
  const publishedReport = async (
    organizationDocumentId: string,
    { year, half }: ReportPeriod
  ): Promise<PublishedReport | null> =>
    strapi.db.query(CONTENT_TYPES.annualReport).findOne({
      where: {
        organization: { documentId: organizationDocumentId },
        year,
        half: half ?? null,
        locale: SOURCE_LOCALE,
        publishedAt: { $notNull: true },
      },
      select: ['title', 'overview', 'problems', 'otherMatters', 'tables', 'publishedOn'],
      orderBy: { publishedAt: 'desc' },
    });

  const storedReport = async (
    organizationDocumentId: string,
    { year, half }: ReportPeriod
  ): Promise<StoredReport | null> =>
    strapi.db.query(CONTENT_TYPES.annualReport).findOne({
      where: {
        organization: { documentId: organizationDocumentId },
        year,
        half: half ?? null,
        locale: SOURCE_LOCALE,
        publishedAt: null,
      },
      select: ['title', 'overview', 'problems', 'otherMatters'],
      orderBy: { updatedAt: 'desc' },
    });

  return {
    /** The text of a report: as stored, else pre-filled; a section left empty in a stored report is pre-filled too. */
    async sections(data: AnnualReportData, written?: StoredReport | null): Promise<ReportSections> {
      const period = { year: data.year, half: data.half ?? null };
      const stored =
        written === undefined ? await storedReport(data.organization.documentId, period) : written;
      const figures = data.figures;
      const fill = (written: unknown, prefilled: string | null): string[] => {
        const paragraphs = blocksParagraphs(written);
        return paragraphs.length || !prefilled ? paragraphs : [prefilled];
      };
      return {
        title: stored?.title?.trim() || reportTitle(data.organization.name, period),
        overview: fill(stored?.overview, figures ? overviewText(figures, period) : null),
        problems: fill(stored?.problems, null),
        otherMatters: fill(
          stored?.otherMatters,
          figures ? otherMattersText(figures, period) : null
        ),
      };
    },

    docx: reportDocx,
    xlsx: reportXlsx,

    /**
     * An account asking for an organization's report (code or documentId): a 403 unless it may read
     * that organization's annual reports (see assertMayRead); an unknown organization is the caller's.
     */
    /**
     * GET /disclosure/annual-report/organizations: the organizations whose reports the account may
     * read (as assertMayRead decides), its own first, then by code; none for an account that may
     * read none.
     */
    async readableOrganizations(actor: ReportActor): Promise<ReportOrganization[]> {
      return getService(strapi, 'organization-roles').organizationOptions(
        actor.user.id,
        (documentId) => mayRead(actor, documentId)
      );
    },

    async assertMayReadReport(actor: ReportActor, organization: string): Promise<void> {
      const found = await organizationOf(organization);
      if (found) assertMayRead(actor, found.documentId);
    },

    /**
     * GET /disclosure/annual-report/document: the organization checked against the account's
     * permissions; a published report's file is what was published (its snapshot and text), a draft's
     * (or a period with no report) the tables computed afresh with the draft's latest words.
     */
    async download(
      query: { organization: string; year: number; half?: 1 | 2; format: ReportFormat },
      actor: ReportActor
    ): Promise<ReportFile> {
      const organization = await organizationOf(query.organization);
      if (!organization)
        throw new errors.NotFoundError(
          `没有这个机构：${query.organization} (no such organization)`
        );
      assertMayRead(actor, organization.documentId);
      const period = { year: query.year, half: query.half ?? null };
      const published = await publishedReport(organization.documentId, period);
      const snapshot = storedTables(published?.tables);
      let data: AnnualReportData;
      let sections: ReportSections;
      let source: ReportSource;
      if (published && snapshot) {
        data = {
          organization,
          year: query.year,
          ...(query.half ? { half: query.half } : {}),
          period: reportPeriod(query.year, query.half),
          tables: snapshot,
          checks: [],
        };
        sections = await this.sections(data, published);
        source = { kind: 'published', publishedOn: published.publishedOn ?? null };
      } else {
        data = await getService(strapi, 'report-publication').computeReport({
          organization: organization.documentId,
          year: query.year,
          half: query.half,
        });
        sections = await this.sections(data);
        source = { kind: 'computed' };
      }
      const body =
        query.format === 'xlsx'
          ? await reportXlsx(data, sections.title, source)
          : await reportDocx(data, sections, source);
      const periodName = query.half ? `${query.year}-H${query.half}` : String(query.year);
      return {
        body,
        filename: `${data.organization.code}-${periodName}-annual-report.${query.format}`,
        contentType: MEDIA_TYPES[query.format],
      };
    },
  };
};
