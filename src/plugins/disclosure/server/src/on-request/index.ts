import letterTemplate from './content-types/letter-template';
import letterTemplatesController from './controllers/letter-templates';
import routes from './routes';
import letters from './services/letters';
import type { Capability } from '../utils/capability';

/** 依申请公开: applications under the 2019 Regulation, their clocks and their letters. */
export default {
  services: { letters },
  controllers: { 'letter-templates': letterTemplatesController },
  contentTypes: { 'letter-template': letterTemplate },
  routes,
} satisfies Capability;
