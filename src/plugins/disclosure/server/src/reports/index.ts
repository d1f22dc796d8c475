import legalChallenge from './content-types/legal-challenge';
import reportFigure from './content-types/report-figure';
import annualReportController from './controllers/annual-report';
import reportDocumentsController from './controllers/report-documents';
import routes from './routes';
import annualReport from './services/annual-report';
import reportDeadlines from './services/report-deadlines';
import reportDocuments from './services/report-documents';
import reportPublication from './services/report-publication';
import type { Capability } from '../utils/capability';

/**
 * 统计与年度报告: the tables of the annual report and the half-year statistics computed from the
 * records (catalogue, on-request cases, reconsideration and litigation, figures offices enter), their
 * checks, and a region's summary; the report as a published document
 * (api::annual-report.annual-report: sections pre-filled, tables checked on publication) and its
 * .docx and .xlsx.
 */
export default {
  services: {
    'annual-report': annualReport,
    'report-deadlines': reportDeadlines,
    'report-documents': reportDocuments,
    'report-publication': reportPublication,
  },
  controllers: {
    'annual-report': annualReportController,
    'report-documents': reportDocumentsController,
  },
  contentTypes: { 'legal-challenge': legalChallenge, 'report-figure': reportFigure },
  routes,
} satisfies Capability;
