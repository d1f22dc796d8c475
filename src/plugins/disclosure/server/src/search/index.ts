import searchController from './controllers/search';
import routes from './routes';
import search from './services/search';
import type { Capability } from '../utils/capability';

/** 目录检索: the public types found by words, script-blind, kept in step with every write. */
export default {
  services: { search },
  controllers: { search: searchController },
  routes,
} satisfies Capability;
