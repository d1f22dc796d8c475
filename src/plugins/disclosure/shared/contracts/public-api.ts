/**
 * The public routes of the plugin (/api/disclosure/…) as sites and portals call them: what each takes
 * and answers, defined once. The routes give these to Strapi's OpenAPI generator (docs/openapi.md) and
 * the contracts' types are inferred from them; the server's validation (yup, Chinese messages) decides
 * what is accepted, these describe it.
 */
import { z } from 'zod';
import { CONTENT_TYPES, LOCALE_CODES } from '../constants';
import {
  APPLICANT_TYPES,
  APPLICATION_STATUSES,
  DELIVERY_FORMS,
  OUTCOMES,
  type Outcome,
} from './on-request';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './mailbox';
import type { GetCompliance } from './compliance';
import type { GetSyndicationStatus } from './syndication';

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
/** Not JSON: the service describes it under its own media type (NON_JSON_ANSWERS). */
export const atomAnswer = z
  .string()
  .describe(
    "Atom 1.0 (RFC 4287): a <feed> of the organization's published documents, newest first"
  );

const subscriberKey = z.object({
  id: z.number().int(),
  name: z.string(),
  organizationCode: z.string().nullable(),
  active: z.boolean(),
});
const rate = z.number().nullable().describe('0–1; null while nothing is decided');

export const syndicationStatusQuery = {
  document: z.string().describe("the policy document's documentId"),
};
export const syndicationStatusAnswer = z.object({
  data: z.object({
    documentId: z.string(),
    versions: z.number().int(),
    subscribers: z.array(
      z.object({
        subscriber: subscriberKey,
        version: z.number().int(),
        status: z.enum(['pending', 'delivered', 'dead', 'cancelled']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        deliveredAt: dateTime.nullable(),
        acknowledged: z.boolean(),
        reprint: z
          .object({
            documentId: z.string().nullable(),
            url: z.string().nullable(),
            publishedAt: dateTime,
          })
          .nullable(),
        held: z.boolean(),
        lagSeconds: z.number().nullable(),
        onTime: z.object({
          within: z.number().int(),
          reprinted: z.number().int(),
          onTime: z.number().int(),
          late: z.number().int(),
          overdue: z.number().int(),
          rate,
        }),
      })
    ),
  }),
});

export { signedMessage };

// ------------------------------------------------------------------ compliance report (合规报告)

export const complianceQuery = {
  organization: z
    .string()
    .optional()
    .describe('机构代码或 documentId (organization code or documentId)'),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const organizationSummary = z.object({
  documentId: z.string(),
  code: z.string(),
  name: z.string(),
});
const tally = {
  total: z.number().int(),
  pending: z.number().int(),
  met: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
  rate,
};
const trackedItem = z.object({
  contentType: z.string(),
  documentId: z.string(),
  title: z.string().nullable(),
  rule: z.string(),
  organization: organizationSummary.nullable(),
  dueAt: dateTime,
  dueDate: isoDate.nullable().describe('the Beijing day a day rule falls due on'),
  metAt: dateTime.nullable(),
  atRisk: z.boolean(),
  lateness: z.number().nullable(),
  latenessUnit: z.enum(['working-days', 'hours']).nullable(),
  editPath: z.string(),
});
const monthFigures = z.object({
  received: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  routed: z.number().int(),
  repliedOnTime: z.number().int(),
  repliedLate: z.number().int(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  satisfaction: z.object({
    satisfied: z.number().int(),
    rated: z.number().int(),
    notRated: z.number().int(),
  }),
});
export const complianceAnswer = z.object({
  data: z.object({
    period: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
    organization: organizationSummary.nullable(),
    counts: z.object(tally),
    today: isoDate,
    dueToday: z.array(trackedItem),
    items: z.object({
      pending: z.array(trackedItem),
      met: z.array(trackedItem),
      late: z.array(trackedItem),
      overdue: z.array(trackedItem),
    }),
    onTimeRate: z.object({
      overall: rate,
      byOrganization: z.array(z.object({ ...tally, organization: organizationSummary.nullable() })),
      byRule: z.array(
        z.object({
          ...tally,
          rule: z.string(),
          label: z.string().nullable(),
          source: z.string().nullable(),
        })
      ),
    }),
    staleColumns: z.array(
      z.object({
        organization: organizationSummary,
        contentType: z.string(),
        category: z.string().nullable(),
        lastPublishedAt: dateTime,
        window: z.union([
          z.object({ days: z.number().int() }),
          z.object({ months: z.number().int() }),
        ]),
        daysSinceLastItem: z.number().int(),
      })
    ),
    reprints: z.array(
      z.object({
        subscriber: subscriberKey,
        within: z.number().int(),
        received: z.number().int(),
        reprinted: z.number().int(),
        onTime: z.number().int(),
        late: z.number().int(),
        overdue: z.number().int(),
        pending: z.number().int(),
        rate,
      })
    ),
    failingDeliveries: z.array(
      z.object({
        id: z.number().int(),
        itemDocumentId: z.string(),
        action: z.string().nullable(),
        version: z.number().int().nullable(),
        target: z.string().nullable().describe("the subscriber's name"),
        status: z.enum(['pending', 'delivered', 'dead', 'cancelled']),
        attempts: z.number().int(),
        lastStatus: z.number().int().nullable().describe("the receiver's last HTTP status"),
        lastError: z.string().nullable(),
        nextAttemptAt: dateTime.nullable(),
        title: z.string().nullable(),
        editPath: z.string(),
      })
    ),
    pressConferences: z.object({
      label: z.string(),
      from: isoDate,
      to: isoDate,
      missing: z.array(organizationSummary),
    }),
    calendar: z.object({ complete: z.boolean(), missingYears: z.array(z.number().int()) }),
    mailbox: z.object({
      month: z.string().describe('YYYY-MM'),
      from: isoDate,
      to: isoDate,
      organizations: z.array(monthFigures.extend({ organization: organizationSummary })),
      total: monthFigures,
    }),
  }),
});

// ------------------------------------------------------------------ consultations (意见征集)

/** Where a consultation stands, computed on the Beijing calendar day (consultation-period rule). */
export const CONSULTATION_STATUSES = ['upcoming', 'open', 'closed', 'concluded'] as const;

/**
 * Fields a public type's answers carry that are not attributes (computed when read): added to the
 * generated schemas of its reads, by content type.
 */
export const COMPUTED_FIELDS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {
  [CONTENT_TYPES.consultation]: {
    status: z
      .enum(CONSULTATION_STATUSES)
      .describe('征集状态，按北京时间日期计算 (from its dates, Beijing time)'),
  },
};

export const consultationFeedbackParams = { documentId: z.string() };
export const consultationFeedbackBody = z.object({
  data: z.object({
    content: z.string().describe('意见内容, at most 5000 characters'),
    submitterName: z.string().nullable().optional(),
    submitterContact: z.string().nullable().optional(),
  }),
});
export const consultationFeedbackAnswer = z.object({
  data: z.object({
    documentId: z.string(),
    submittedAt: dateTime,
    status: z.literal('received'),
  }),
});

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
    truncated: z
      .boolean()
      .describe(
        'More entries matched than the result window (1,000 by default): the newest of them (and every exact 文号) are ranked, paged and counted in total and facets'
      ),
  }),
});
export type SearchAnswer = z.infer<typeof searchAnswer>;

// ------------------------------------------------------------------ refusals, and how routes answer

/** Strapi's error answer, which every route gives when it refuses (docs/errors.md). */
export const errorAnswer = z.object({
  data: z.null(),
  error: z.object({
    status: z.number().int(),
    name: z.string().describe('ValidationError, NotFoundError, UnauthorizedError…'),
    message: z.string().describe('中文说明 (English explanation)'),
    details: z.record(z.string(), z.unknown()),
  }),
});

/**
 * The operations (`METHOD /path`, as described) whose answer is 201, not the 200 the generator
 * writes for every route's `response`.
 */
export const CREATED_ANSWERS: readonly string[] = [
  'POST /disclosure/applications',
  'POST /disclosure/messages',
  'POST /consultations/{documentId}/feedback',
];

/** The operations that answer something other than JSON: their media type and schema. */
export const NON_JSON_ANSWERS: Readonly<Record<string, { mediaType: string; schema: z.ZodType }>> =
  {
    'GET /disclosure/feed.atom': { mediaType: 'application/atom+xml', schema: atomAnswer },
  };

// ------------------------------------------------------------------ the description itself

export const openApiAnswer = z
  .object({
    openapi: z.string(),
    info: z.record(z.string(), z.unknown()),
    paths: z.record(z.string(), z.unknown()),
  })
  .passthrough();

// ------------------------------------------------------------------ kept in step with the interfaces

/**
 * The compliance report and the syndication status are typed by interfaces the admin panel shares
 * (contracts/compliance, contracts/syndication); an answer of those types must fit these schemas.
 * `true` only while it does: a field whose type changes, or that the schema has and the interface
 * lacks, fails the type check; one the interface adds fails the answer-validation test (the schemas
 * allow no other fields).
 */
type Fits<Answer, Schema extends z.ZodType> = [Answer] extends [z.infer<Schema>] ? true : false;
export const COMPLIANCE_FITS: Fits<GetCompliance.Response, typeof complianceAnswer> = true;
export const SYNDICATION_STATUS_FITS: Fits<
  GetSyndicationStatus.Response,
  typeof syndicationStatusAnswer
> = true;
