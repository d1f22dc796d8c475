/**
 * UIDs, permission actions and locales: one definition for the plugin's server and its admin.
 */
/** The content types whose rules the plugin enforces (defined by the app under src/api). */
export const CONTENT_TYPES = {
  organization: 'api::organization.organization',
  policyDocument: 'api::policy-document.policy-document',
  interpretation: 'api::interpretation.interpretation',
  consultation: 'api::consultation.consultation',
  consultationFeedback: 'api::consultation-feedback.consultation-feedback',
  pressRelease: 'api::press-release.press-release',
  publicConcern: 'api::public-concern.public-concern',
  /** 公众问答: a mailbox question and its reply, published with the writer's consent */
  publicAnswer: 'api::public-answer.public-answer',
  /** 政府信息公开工作年度报告 (and the half-year statistics): its sections, and the tables as published */
  annualReport: 'api::annual-report.annual-report',
} as const;

/** The components the app defines under src/components (category.name). */
export const COMPONENTS = {
  confidentialityReview: 'disclosure.confidentiality-review',
  qaItem: 'interpretation.qa-item',
  consultationChannel: 'consultation.channel',
  consultationResult: 'consultation.result',
  pressSpeaker: 'press.speaker',
} as const;

/** Where each disclosure type names the organization it belongs to. */
export const ORGANIZATION_FIELD: Readonly<Record<string, string>> = {
  [CONTENT_TYPES.policyDocument]: 'issuingOrganization',
  [CONTENT_TYPES.interpretation]: 'interpreter',
  [CONTENT_TYPES.pressRelease]: 'organization',
  [CONTENT_TYPES.publicConcern]: 'organization',
  [CONTENT_TYPES.publicAnswer]: 'organization',
  [CONTENT_TYPES.consultation]: 'organization',
  [CONTENT_TYPES.annualReport]: 'organization',
  // Records an office keeps for its annual report: its editors enter its own, as they write its items.
  'plugin::disclosure.legal-challenge': 'organization',
  'plugin::disclosure.report-figure': 'organization',
};

/** The types an organization-scoped role works on. */
export const SCOPED_TYPES: readonly string[] = Object.keys(ORGANIZATION_FIELD);

/** A content type the app defines under src/api (not Strapi's or a plugin's). */
export const isAppContentType = (uid: string): boolean => uid.startsWith('api::');

/** Catalogue types municipal sites read through the public content API. */
export const PUBLIC_CONTENT_TYPES = [
  CONTENT_TYPES.organization,
  CONTENT_TYPES.policyDocument,
  CONTENT_TYPES.interpretation,
  CONTENT_TYPES.consultation,
  CONTENT_TYPES.pressRelease,
  CONTENT_TYPES.publicConcern,
  CONTENT_TYPES.publicAnswer,
  CONTENT_TYPES.annualReport,
] as const;

/** zh-Hans is the source; zh-Hant is the Traditional version municipal sites serve. */
export const LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)' },
  { code: 'zh-Hant', name: '繁體中文 (zh-Hant)' },
] as const;
export type LocaleCode = (typeof LOCALES)[number]['code'];
export const LOCALE_CODES: readonly string[] = LOCALES.map((locale) => locale.code);
export const SOURCE_LOCALE = 'zh-Hans';
export const TARGET_LOCALE = 'zh-Hant';

/** The plugin's own content types. */
export const CALENDAR_DAY_UID = 'plugin::disclosure.calendar-day';
export const CONVERSION_TERM_UID = 'plugin::disclosure.conversion-term';
export const TRANSLATION_LOCK_UID = 'plugin::disclosure.translation-lock';
export const DEADLINE_UID = 'plugin::disclosure.deadline';
export const EDITOR_ORGANIZATION_UID = 'plugin::disclosure.editor-organization';
export const LEDGER_UID = 'plugin::disclosure.ledger-entry';
export const SUBSCRIBER_UID = 'plugin::disclosure.subscriber';
export const EVENT_UID = 'plugin::disclosure.syndication-event';
export const DELIVERY_UID = 'plugin::disclosure.syndication-delivery';
export const SOURCE_UID = 'plugin::disclosure.syndication-source';
export const RECORD_UID = 'plugin::disclosure.syndication-record';
export const INBOX_UID = 'plugin::disclosure.inbox-message';
/** 依申请公开: the cases, their recorded steps, and the offices' letter wording. */
export const APPLICATION_UID = 'plugin::disclosure.disclosure-application';
export const APPLICATION_STEP_UID = 'plugin::disclosure.application-step';
export const LETTER_TEMPLATE_UID = 'plugin::disclosure.letter-template';
/** 意见箱 and 领导信箱: the public's messages, their recorded steps, and the leaders' mailboxes. */
export const MESSAGE_UID = 'plugin::disclosure.public-message';
export const MESSAGE_STEP_UID = 'plugin::disclosure.message-step';
export const MAILBOX_UID = 'plugin::disclosure.mailbox';
/** 统计与年度报告: table 4's records of reconsideration and litigation, and figures offices enter for table 2. */
export const LEGAL_CHALLENGE_UID = 'plugin::disclosure.legal-challenge';
export const REPORT_FIGURE_UID = 'plugin::disclosure.report-figure';
/** Strapi's media library file, which public answers and attachments refer to. */
export const UPLOAD_FILE_UID = 'plugin::upload.file';
/** Read with raw SQL where the calendar's uniqueness is checked. */
export const CALENDAR_DAYS_TABLE = 'disclosure_calendar_days';

/** Admin permission actions and conditions (their ids are stored in admin_permissions). */
export const PERMISSION_ACTIONS = {
  readLedger: 'ledger.read',
  recordReview: 'review.record',
  manageSettings: 'settings.manage',
  /** 依申请公开: one permission per part of the process, each held to the account's organizations */
  registerApplications: 'applications.register',
  handleApplications: 'applications.handle',
  approveApplications: 'applications.approve',
  extendApplications: 'applications.extend',
  deliverApplications: 'applications.deliver',
  /** 意见箱: who accepts, routes, assigns and sends; who drafts the reply; who approves it */
  manageMessages: 'messages.manage',
  handleMessages: 'messages.handle',
  approveMessages: 'messages.approve',
} as const;
export const LEDGER_READ_ACTION = `plugin::disclosure.${PERMISSION_ACTIONS.readLedger}`;
export const REVIEW_ACTION = `plugin::disclosure.${PERMISSION_ACTIONS.recordReview}`;
export const SETTINGS_MANAGE_ACTION = `plugin::disclosure.${PERMISSION_ACTIONS.manageSettings}`;
/** The on-request permissions by their part of the process (rules/workflow's ApplicationPermission). */
export const APPLICATION_PERMISSIONS = {
  register: `plugin::disclosure.${PERMISSION_ACTIONS.registerApplications}`,
  handle: `plugin::disclosure.${PERMISSION_ACTIONS.handleApplications}`,
  approve: `plugin::disclosure.${PERMISSION_ACTIONS.approveApplications}`,
  extend: `plugin::disclosure.${PERMISSION_ACTIONS.extendApplications}`,
  deliver: `plugin::disclosure.${PERMISSION_ACTIONS.deliverApplications}`,
} as const;
/** The mailbox permissions by their part of the process (mailbox rules/workflow's MessagePermission). */
export const MESSAGE_PERMISSIONS = {
  manage: `plugin::disclosure.${PERMISSION_ACTIONS.manageMessages}`,
  handle: `plugin::disclosure.${PERMISSION_ACTIONS.handleMessages}`,
  approve: `plugin::disclosure.${PERMISSION_ACTIONS.approveMessages}`,
} as const;
export const SAME_ORGANIZATION = 'plugin::disclosure.same-organization';
export const ORGANIZATION_AND_BELOW = 'plugin::disclosure.organization-and-below';

/** Document-service actions that change stored content. */
export const DOCUMENT_WRITE_ACTIONS: ReadonlySet<string> = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);
/** Document-service actions that read. */
export const DOCUMENT_READ_ACTIONS: ReadonlySet<string> = new Set([
  'findMany',
  'findFirst',
  'findOne',
  'count',
]);
