import mailbox from './content-types/mailbox';
import messageStep from './content-types/message-step';
import publicMessage from './content-types/public-message';
import messagesController from './controllers/messages';
import routes from './routes';
import messages from './services/messages';
import type { Capability } from '../utils/capability';

/**
 * 意见箱 and 领导信箱: the public writes to an office or a leader's mailbox, looks the message up with
 * its code and rates the reply; the office accepts or routes, assigns, drafts, approves and sends, on
 * the time limits of the deadline engine (message-acceptance, message-reply).
 */
export default {
  services: { messages },
  controllers: { messages: messagesController },
  contentTypes: {
    'public-message': publicMessage,
    'message-step': messageStep,
    mailbox,
  },
  routes,
} satisfies Capability;
