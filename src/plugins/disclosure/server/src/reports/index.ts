import legalChallenge from './content-types/legal-challenge';
import reportFigure from './content-types/report-figure';
import annualReportController from './controllers/annual-report';
import routes from './routes';
import annualReport from './services/annual-report';
import type { Capability } from '../utils/capability';

/**
 * 统计与年度报告: the tables of the annual report and the half-year statistics computed from the
 * records (catalogue, on-request cases, reconsideration and litigation, figures offices enter), their
 * checks, and a region's summary. The report document itself (its sections, publication and
 * downloads) calls the `annual-report` service.
 */
export default {
  services: { 'annual-report': annualReport },
  controllers: { 'annual-report': annualReportController },
  contentTypes: { 'legal-challenge': legalChallenge, 'report-figure': reportFigure },
  routes,
} satisfies Capability;
