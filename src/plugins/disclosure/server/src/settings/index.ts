import settingsController from './controllers/settings';
import routes from './routes';
import settings from './services/settings';
import type { Capability } from '../utils/capability';

/** The plugin's settings pages: holiday calendar, conversion dictionary, deadline rules. */
export default {
  services: { settings },
  controllers: { settings: settingsController },
  routes,
} satisfies Capability;
