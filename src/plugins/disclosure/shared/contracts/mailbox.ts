import type { OrganizationOption } from './organizations';
/**
 * 意见箱 and 领导信箱 (the suggestion box and the leaders' mailboxes): the vocabulary and the routes'
 * request and response shapes, one definition for the plugin's server and its admin. Stored values are
 * these English codes; the admin shows the Chinese words beside them (shared/words).
 */

/** 留言类型: what the writer says the message is. */
import type { z } from 'zod';
import type {
  messageIntake,
  messageIntakeAnswer,
  messageLookupAnswer,
  messageRatingAnswer,
  publicMailboxesAnswer,
} from './public-api';

export const MESSAGE_KINDS = ['suggestion', 'question', 'help', 'complaint'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Where a message stands. `received`: stored, waiting for the office to accept or route it;
 * `routed`: sent elsewhere with the reason (petitions and complaints to the 信访 channel), which is
 * its answer; `sent`: the reply went out. Both end the message.
 */
export const MESSAGE_STATUSES = [
  'received',
  'accepted',
  'routed',
  'assigned',
  'drafted',
  'approved',
  'sent',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What the office does with a message (POST /disclosure/messages/:documentId/actions/:action). */
export const MESSAGE_ACTIONS = [
  'accept',
  'route',
  'assign',
  'draft-reply',
  'approve',
  'send',
] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

/** A recorded step: an action, the message arriving, or its public answer (公众问答) created. */
export type MessageStepKind = MessageAction | 'receive' | 'public-answer';

/** Why a message is flagged for the office's attention (never refused for it). */
export const MESSAGE_FLAGS = ['honeypot', 'repeated'] as const;
export type MessageFlag = (typeof MESSAGE_FLAGS)[number];

export interface MessageActionBodies {
  accept: Record<string, never>;
  /** Where it goes (e.g. 信访 and its address) and why: the writer reads both. */
  route: { routedTo: string; reason: string };
  assign: { responsibleOffice: string };
  'draft-reply': { text: string };
  approve: Record<string, never>;
  send: Record<string, never>;
}

/**
 * The public routes' shapes (a contract: add fields, rename none), defined once as the schemas the
 * OpenAPI description is generated from (contracts/public-api.ts).
 * POST /api/disclosure/messages; GET /api/disclosure/messages/:number?code= (what the writer may know);
 * POST /api/disclosure/messages/:number/rating with `{ data: { code, satisfied } }`;
 * GET /api/disclosure/mailboxes?organization= (the mailboxes a site offers to write to).
 */
export type MessageIntake = z.infer<typeof messageIntake>;
export type MessageIntakeAnswer = z.infer<typeof messageIntakeAnswer>;
export type MessageLookupAnswer = z.infer<typeof messageLookupAnswer>;
export type MessageRating = MessageLookupAnswer['data']['rating'] & string;
export type MessageRatingAnswer = z.infer<typeof messageRatingAnswer>;
export type PublicMailboxesAnswer = z.infer<typeof publicMailboxesAnswer>;
export type PublicMailbox = PublicMailboxesAnswer['data'][number];

/** The office's view of a message in the list. */
export interface MessageSummary {
  documentId: string;
  number: string;
  organization: { documentId: string; code: string; name: string } | null;
  mailbox: { documentId: string; leaderTitle: string } | null;
  kind: MessageKind;
  subject: string;
  status: MessageStatus;
  receivedOn: string;
  acceptanceDueOn: string | null;
  replyDueOn: string | null;
  /** Past a due date with the step it asks for not taken */
  overdue: boolean;
  /**
   * How pressing it is: overdue; due-soon within 3 working days of the date it now runs to (accepting
   * a received message, else the reply); concluded once sent or routed.
   */
  urgency: MessageUrgency;
  flags: MessageFlag[];
  rating: MessageRating | null;
  createdAt: string;
}

export type MessageUrgency = 'overdue' | 'due-soon' | 'on-track' | 'concluded';

export interface MessageStep {
  kind: MessageStepKind;
  at: string;
  actor: { id: number | null; name: string | null } | null;
  details: Record<string, unknown>;
}

/** GET /disclosure/messages/:documentId: the message with the writer's data (the read is in the ledger). */
export interface MessageDetail extends MessageSummary {
  content: string;
  writer: { name: string; contact: string };
  consentToPublish: boolean;
  linkCount: number;
  repeatOf: string[];
  responsibleOffice: string | null;
  routedTo: string | null;
  routeReason: string | null;
  replyText: string | null;
  sentAt: string | null;
  steps: MessageStep[];
  allowedActions: MessageAction[];
  /** The public answer (公众问答) made from it, a draft until published through the content manager. */
  publicAnswer: { documentId: string; published: boolean } | null;
  /** Whether this account may make one now: consented, sent, not a complaint, none yet. */
  mayPublishAnswer: boolean;
}

/** POST /disclosure/messages/:documentId/public-answer: the edited text and its confirmation. */
export interface PublicAnswerBody {
  subject: string;
  question: string;
  reply: string;
  /** The editor confirms the writer's personal data is removed: must be true. */
  personalDataRemoved: true;
}

export interface MessageListQuery {
  organization?: string;
  status?: MessageStatus;
  kind?: MessageKind;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}
export interface MessageListAnswer {
  data: MessageSummary[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** The month's figures of an organization's messages (received in the month, Beijing days). */
export interface MessageMonthFigures {
  received: number;
  byKind: Record<MessageKind, number>;
  /** Sent elsewhere with the reason: no reply owed here */
  routed: number;
  /** Sent by the end of the reply date the deadline engine set (message-reply) */
  repliedOnTime: number;
  repliedLate: number;
  /** Not yet answered; `openOverdue` of them past their reply date today */
  open: number;
  openOverdue: number;
  /** Of the replies sent: rated satisfied, rated at all, not rated */
  satisfaction: { satisfied: number; rated: number; notRated: number };
}

/** GET /disclosure/messages/statistics?organization=&month=YYYY-MM (`&format=xlsx`: the workbook). */
export interface MessageStatisticsQuery {
  organization?: string;
  month: string;
  format?: 'json' | 'xlsx';
}
export interface MessageStatistics {
  month: string;
  /** The month's first and last Beijing days */
  from: string;
  to: string;
  organizations: Array<
    MessageMonthFigures & { organization: { documentId: string; code: string; name: string } }
  >;
  total: MessageMonthFigures;
}
/** GET /disclosure/messages/organizations: the organizations whose messages the account handles. */
export interface MessageOrganizationsAnswer {
  data: OrganizationOption[];
}

export interface MessageStatisticsAnswer {
  data: MessageStatistics;
}
