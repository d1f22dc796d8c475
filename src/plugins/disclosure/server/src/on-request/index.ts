import applicationStep from './content-types/application-step';
import disclosureApplication from './content-types/disclosure-application';
import applicationsController from './controllers/applications';
import routes from './routes';
import applications from './services/applications';
import type { Capability } from '../utils/capability';

/** 依申请公开: cases, their steps and clocks, the public intake and lookup, the offices' routes. */
export default {
  services: { applications },
  controllers: { applications: applicationsController },
  contentTypes: {
    'disclosure-application': disclosureApplication,
    'application-step': applicationStep,
  },
  routes,
} satisfies Capability;
