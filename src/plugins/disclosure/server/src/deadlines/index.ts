import deadline from './content-types/deadline';
import complianceController from './controllers/compliance';
import routes from './routes';
import compliance from './services/compliance';
import deadlines from './services/deadlines';
import type { Capability } from '../utils/capability';

/** 时限: deadline rules on working days, the sweep, and the compliance report built from them. */
export default {
  services: { compliance, deadlines },
  controllers: { compliance: complianceController },
  contentTypes: { deadline },
  routes,
} satisfies Capability;
