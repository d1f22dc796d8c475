import applicationStep from './content-types/application-step';
import disclosureApplication from './content-types/disclosure-application';
import letterTemplate from './content-types/letter-template';
import applicationsController from './controllers/applications';
import letterTemplatesController from './controllers/letter-templates';
import routes from './routes';
import applications from './services/applications';
import letters from './services/letters';
import type { Capability } from '../utils/capability';

/**
 * 依申请公开 (2019 Regulation): cases, their steps and clocks, the public intake and lookup, the
 * offices' routes, and the letters generated from each case.
 */
export default {
  services: { applications, letters },
  controllers: {
    applications: applicationsController,
    'letter-templates': letterTemplatesController,
  },
  contentTypes: {
    'disclosure-application': disclosureApplication,
    'application-step': applicationStep,
    'letter-template': letterTemplate,
  },
  routes,
} satisfies Capability;
