/**
 * The public routes of the plugin (/api/disclosure/…) as sites and portals call them: what each takes
 * and answers, defined once. The routes give these to Strapi's OpenAPI generator (docs/openapi.md) and
 * the contracts' types are inferred from them; the server's validation (yup, Chinese messages) decides
 * what is accepted, these describe it.
 */
import { z } from 'zod';
import { LOCALE_CODES } from '../constants';
import {
  APPLICANT_TYPES,
  APPLICATION_STATUSES,
  DELIVERY_FORMS,
  OUTCOMES,
  type Outcome,
} from './on-request';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './mailbox';

const localeCode = z.enum(LOCALE_CODES as [string, ...string[]]);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD (北京时间日期)');
const dateTime = z.string().describe('ISO 8601, UTC');

// ------------------------------------------------------------------ working days (工作日)

const calendarFlags = {
  /** False when a year the answer spans has no holiday schedule yet */
  calendarComplete: z.boolean(),
  missingYears: z.array(z.number().int()).optional(),
};

export const workingDaysAddQuery = {
  from: isoDate,
  days: z
    .string()
    .regex(/^\d{1,3}$/)
    .describe('0–366'),
};
export const workingDaysAddAnswer = z.object({
  data: z.object({ date: isoDate, ...calendarFlags }),
});
export type WorkingDaysAddAnswer = z.infer<typeof workingDaysAddAnswer>;

export const workingDaysBetweenQuery = { from: isoDate, to: isoDate };
export const workingDaysBetweenAnswer = z.object({
  data: z.object({ days: z.number().int(), ...calendarFlags }),
});
export type WorkingDaysBetweenAnswer = z.infer<typeof workingDaysBetweenAnswer>;

// ------------------------------------------------------------------ catalogue counts (目录计数)

export const catalogueCountsQuery = { locale: localeCode.optional() };
export const catalogueCountsAnswer = z.object({
  data: z.array(z.object({ category: z.string(), count: z.number().int().min(0) })),
  meta: z.object({ locale: localeCode, total: z.number().int().min(0) }),
});
export type CatalogueCountsAnswer = z.infer<typeof catalogueCountsAnswer>;

// ------------------------------------------------------------------ convert (简繁转换)

export const convertBody = z.object({
  from: localeCode,
  to: localeCode,
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional().describe('Strapi blocks'),
});
export const convertAnswer = z.object({
  data: z.union([
    z.object({ text: z.string() }).strict(),
    z.object({ blocks: z.array(z.unknown()) }).strict(),
  ]),
});
export type ConvertAnswer = z.infer<typeof convertAnswer>;

// ------------------------------------------------------------------ on request (依申请公开)

export const applicationIntake = z.object({
  organization: z.string().describe('机构代码 (organization code)'),
  applicantType: z.enum(APPLICANT_TYPES),
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  email: z.string().optional(),
  address: z.string(),
  description: z.string(),
  documentNumber: z.string().optional(),
  form: z.enum(DELIVERY_FORMS),
});
export const applicationIntakeBody = z.object({ data: applicationIntake });
export const applicationIntakeAnswer = z.object({
  data: z.object({
    number: z.string(),
    code: z.string().describe('查询码: keep it to look the application up'),
    status: z.literal('submitted'),
  }),
});

export const applicationLookupParams = { number: z.string() };
export const applicationLookupQuery = { code: z.string() };
export const applicationLookupAnswer = z.object({
  data: z.object({
    number: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    receivedOn: isoDate.nullable(),
    dueOn: isoDate.nullable(),
    outcome: z.enum(OUTCOMES as [Outcome, ...Outcome[]]).nullable(),
    /** The reply's text, once delivered */
    reply: z.string().nullable(),
  }),
});

// ------------------------------------------------------------------ mailbox (意见箱, 领导信箱)

export const messageIntake = z.object({
  organization: z.string().describe('机构代码或 documentId (organization code or documentId)'),
  mailbox: z
    .string()
    .nullable()
    .optional()
    .describe("领导信箱 documentId; the office's 意见箱 when absent"),
  kind: z.enum(MESSAGE_KINDS),
  subject: z.string(),
  content: z.string(),
  name: z.string(),
  contact: z.string(),
  consentToPublish: z.boolean(),
});
export const messageIntakeBody = z.object({ data: messageIntake });
export const messageIntakeAnswer = z.object({
  data: z.object({
    number: z.string(),
    code: z.string().describe('查询码: keep it to look the message up and rate the reply'),
    status: z.literal('received'),
  }),
});

export const messageLookupParams = { number: z.string() };
export const messageLookupQuery = { code: z.string() };
const messageRating = z.enum(['satisfied', 'dissatisfied']);
export const messageLookupAnswer = z.object({
  data: z.object({
    number: z.string(),
    kind: z.enum(MESSAGE_KINDS),
    subject: z.string(),
    status: z.enum(MESSAGE_STATUSES),
    receivedOn: isoDate,
    replyDueOn: isoDate.nullable(),
    routedTo: z.string().nullable(),
    routeReason: z.string().nullable(),
    reply: z.string().nullable(),
    sentAt: dateTime.nullable(),
    rating: messageRating.nullable(),
  }),
});
export const messageRatingBody = z.object({
  data: z.object({ code: z.string(), satisfied: z.boolean() }),
});
export const messageRatingAnswer = z.object({
  data: z.object({ number: z.string(), rating: messageRating }),
});
export const publicMailboxesQuery = {
  organization: z.string().describe('机构代码或 documentId (organization code or documentId)'),
};
export const publicMailboxesAnswer = z.object({
  data: z.array(z.object({ documentId: z.string(), leaderTitle: z.string() })),
});

// ------------------------------------------------------------------ syndication (转载)

const signedMessage = z
  .record(z.string(), z.unknown())
  .describe(
    'Signed with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature)'
  );

export const inboxAnswer = z.object({
  data: z.object({
    documentId: z.string().nullable(),
    url: z.string().nullable(),
    status: z.enum(['published', 'held', 'withdrawn', 'ignored']),
    version: z.number().int(),
    reason: z.string().optional(),
  }),
  meta: z.object({ duplicate: z.boolean() }),
});
export const receiptAnswer = z.object({ data: z.object({ accepted: z.literal(true) }) });

export const feedQuery = {
  since: z.string().optional().describe('the cursor of the previous page'),
  limit: z.string().regex(/^\d+$/).optional().describe('1–200, 50 when not given'),
};
export const feedAnswer = z.object({
  data: z.array(
    z.object({
      messageId: z.string(),
      action: z.enum(['publish', 'update', 'unpublish', 'delete']),
      version: z.number().int(),
      occurredAt: dateTime,
      message: z.record(z.string(), z.unknown()),
    })
  ),
  meta: z.object({ cursor: z.string().nullable(), hasMore: z.boolean() }),
});
export const atomQuery = { organization: z.string().describe('机构代码 (organization code)') };

export { signedMessage };

// ------------------------------------------------------------------ search (目录检索, issue 28)

const counts = z.record(z.string(), z.number().int().min(0));
export const searchQuery = {
  q: z.string().min(1),
  types: z.string().optional().describe('comma-separated types'),
  category: z.string().optional(),
  organization: z.string().optional(),
  topic: z.string().optional(),
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  locale: localeCode.optional(),
  page: z.string().regex(/^\d+$/).optional(),
  pageSize: z.string().regex(/^\d+$/).optional(),
};
export const searchAnswer = z.object({
  data: z.array(
    z.object({
      type: z.string(),
      documentId: z.string(),
      locale: localeCode,
      title: z.string(),
      documentNumber: z.string().nullable(),
      publishedAt: dateTime.nullable(),
      snippet: z.string().describe('<em> around matches, everything else escaped'),
    })
  ),
  meta: z.object({
    pagination: z.object({
      page: z.number().int(),
      pageSize: z.number().int(),
      pageCount: z.number().int(),
      total: z.number().int(),
    }),
    facets: z.object({ type: counts, category: counts, organization: counts, year: counts }),
  }),
});
export type SearchAnswer = z.infer<typeof searchAnswer>;

// ------------------------------------------------------------------ the description itself

export const openApiAnswer = z
  .object({
    openapi: z.string(),
    info: z.record(z.string(), z.unknown()),
    paths: z.record(z.string(), z.unknown()),
  })
  .passthrough();
