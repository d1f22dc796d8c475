import catalogueController from './controllers/catalogue';
import routes from './routes';
import catalogue from './services/catalogue';
import type { Capability } from '../utils/capability';

/** 政府信息公开目录: 文号, 索引号, the disclosure attribute, and the catalogue's public counts. */
export default {
  services: { catalogue },
  controllers: { catalogue: catalogueController },
  routes,
} satisfies Capability;
