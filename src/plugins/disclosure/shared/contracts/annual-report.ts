import type { OrganizationOption } from './organizations';
/**
 * 政府信息公开工作年度报告 and the half-year statistics (国办公开办函〔2021〕30号 format): the tables as
 * computed from the records, one definition for the server, its admin pages and the report documents.
 * GET /disclosure/annual-report?organization=<code>&year=YYYY[&half=1|2][&region=true] answers
 * `{ data: AnnualReportData }` (a contract: add fields, rename none).
 */

/** Table 3's columns: 自然人; 法人或其他组织 in five kinds; 总计. */
export const TABLE3_COLUMNS = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'socialWelfareOrganization',
  'legalServiceOrganization',
  'otherOrganization',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export type Table3Row = Record<Table3Column, number>;

/**
 * Table 3's rows: `new` (一、本年新收), `carriedOver` (二、上年结转), one row per outcome line of 三、本年度
 * 办理结果 under the keys of the on-request rules' TABLE3_ROWS (`disclosed`, `partiallyDisclosed`,
 * `notDisclosed.stateSecret` …), `total` ((七)总计) and `carriedForward` (四、结转下年度继续办理).
 */
export interface Table3 {
  columns: Table3Column[];
  rows: { new: Table3Row; carriedOver: Table3Row; total: Table3Row; carriedForward: Table3Row } & {
    [outcomeRow: string]: Table3Row;
  };
}

/** Where a table-2 figure comes from: counted from catalogue items, or entered by the office. */
export type FigureSource = 'catalogue' | 'entered';

/** Table 2: 主动公开政府信息情况. */
export interface Table2 {
  /** 第二十条第（一）项: 规章 and 行政规范性文件, issued, repealed in the period, valid at its end */
  regulations: { issued: number; repealed: number; valid: number };
  normativeDocuments: { issued: number; repealed: number; valid: number };
  /** 第二十条第（五）（六）项: decisions in the period */
  administrativeLicensing: { decisions: number; source: FigureSource };
  administrativePenalty: { decisions: number; source: FigureSource };
  administrativeEnforcement: { decisions: number; source: FigureSource };
  /** 第二十条第（八）项: 行政事业性收费, in 万元 */
  administrativeFees: { amount: number; source: FigureSource };
}

/** Table 4's five columns for each of its three groups. */
export interface ChallengeColumns {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

/** Table 4: 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉. */
export interface Table4 {
  reconsideration: ChallengeColumns;
  litigationDirect: ChallengeColumns;
  litigationAfterReconsideration: ChallengeColumns;
}

/** One check of the tables; a failing one names the table, row and column. */
export interface ReportCheck {
  ok: boolean;
  message: string;
}

export interface AnnualReportData {
  organization: { documentId: string; code: string; name: string };
  year: number;
  /** 1 or 2 for the half-year statistics; absent for the annual report */
  half?: 1 | 2;
  period: { from: string; to: string };
  tables: { table2: Table2; table3: Table3; table4: Table4 };
  checks: ReportCheck[];
  /** With region=true: the organization and every one below it, each with its own tables */
  region?: {
    organizations: Array<{
      organization: { documentId: string; code: string; name: string };
      tables: { table2: Table2; table3: Table3; table4: Table4 };
    }>;
  };
  /** Figures from the records for the editable sections (一、总体情况 …) */
  figures?: ReportFigures;
}

/** What the sections are pre-filled with. */
export interface ReportFigures {
  itemsPublished: number;
  interpretations: number;
  pressConferences: number;
  consultations: number;
  repliesOnTime: number;
  repliesDue: number;
  /** Fees collected on request, in yuan */
  feesCollected: number;
}

/** An organization whose report an account may read, for the admin's picker. */
export type ReportOrganization = OrganizationOption;

/** GET /disclosure/annual-report/organizations: the organizations whose reports the account may read. */
export declare namespace GetReportOrganizations {
  export interface Response {
    data: ReportOrganization[];
  }
}

/** GET /disclosure/annual-report */
export declare namespace GetAnnualReport {
  export interface Request {
    query: { organization: string; year: number; half?: 1 | 2; region?: boolean };
  }
  export interface Response {
    data: AnnualReportData;
  }
}
