import reportDocumentsController from './controllers/report-documents';
import routes from './routes';
import reportDocuments from './services/report-documents';
import reportPublication from './services/report-publication';
import type { Capability } from '../utils/capability';

/**
 * 政府信息公开工作年度报告 and the half-year statistics: the tables computed from the records, the
 * report as a published document (api::annual-report.annual-report), and its .docx and .xlsx.
 */
export default {
  services: { 'report-documents': reportDocuments, 'report-publication': reportPublication },
  controllers: { 'report-documents': reportDocumentsController },
  routes,
} satisfies Capability;
