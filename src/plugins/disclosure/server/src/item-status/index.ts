import itemStatusController from './controllers/item-status';
import routes from './routes';
import itemStatus from './services/item-status';
import type { Capability } from '../utils/capability';

/** The edit view's side panel: an item's deadlines, publication checklist, review, syndication and zh-Hant preview in one answer. */
export default {
  services: { 'item-status': itemStatus },
  controllers: { 'item-status': itemStatusController },
  routes,
} satisfies Capability;
