/**
 * 依申请公开 (disclosure on request, 2019 Regulation): the vocabulary and the routes' request and
 * response shapes, one definition for the plugin's server, its admin page and the annual report.
 * Stored values are these English codes; the admin shows the Chinese words beside them.
 */
import type { z } from 'zod';
import type {
  applicationIntake,
  applicationIntakeAnswer,
  applicationLookupAnswer,
} from './public-api';

/** 申请人类型: table 3's columns (natural person; legal person or other organization, five kinds). */
export const APPLICANT_TYPES = [
  'natural-person',
  'commercial-enterprise',
  'research-institution',
  'social-welfare-organization',
  'legal-service-organization',
  'other-organization',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** 申请渠道: how the application arrived; art. 31 decides the received date by it. */
export const APPLICATION_CHANNELS = [
  'online',
  'in-person',
  'registered-post',
  'ordinary-letter',
  'fax',
] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** 获取信息的方式: the form the applicant wants the information in. */
export const DELIVERY_FORMS = ['electronic', 'paper', 'email', 'pickup'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];

/**
 * Where a case stands. `submitted`: online, waiting for the office to confirm receipt (art. 31);
 * `consulting` and `awaiting-fee` stop the reply clock; `delivered` and `closed` (ended without a
 * reply: treated as withdrawn, fee unpaid) conclude it; `archived` follows either.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'registered',
  'correction-requested',
  'assigned',
  'consulting',
  'awaiting-fee',
  'drafted',
  'approved',
  'delivered',
  'closed',
  'archived',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** 办理结果: the six outcome groups of table 3, each with its numbered reasons where it has them. */
export const OUTCOME_REASONS = {
  disclosed: [],
  'partially-disclosed': [],
  /** 不予公开: the catalogue's eight statutory grounds, the same codes as nonDisclosureReason */
  'not-disclosed': [
    'state-secret',
    'prohibited-by-law',
    'endangers-security-stability',
    'third-party-rights',
    'internal-affairs',
    'process-information',
    'enforcement-files',
    'administrative-query',
  ],
  /** 无法提供: 1 not held, 2 would have to be made, 3 still unclear after correction */
  unavailable: ['not-held', 'needs-creation', 'unclear-after-correction'],
  /** 不予处理: 1 petition or complaint, 2 repeated, 3 a publication, 4 mass repeated, 5 confirmation */
  'not-processed': [
    'petition-complaint',
    'repeated',
    'publication',
    'mass-repeated',
    'confirmation',
  ],
  /** 其他处理: 1 no correction in time, 2 fee not paid in time, 3 other */
  other: ['no-correction', 'fee-unpaid', 'other'],
} as const;
export type Outcome = keyof typeof OUTCOME_REASONS;
export const OUTCOMES = Object.keys(OUTCOME_REASONS) as Outcome[];
export type OutcomeReason = (typeof OUTCOME_REASONS)[Outcome][number];
export const ALL_OUTCOME_REASONS: readonly OutcomeReason[] = OUTCOMES.flatMap(
  (outcome) => OUTCOME_REASONS[outcome] as readonly OutcomeReason[]
);

/** Who a step was taken by, as the admin shows it. */
export interface StepActor {
  id: number | null;
  name: string | null;
}

/** What happens to a case: each action records a step (who, when, what) and may move its status. */
export const APPLICATION_ACTIONS = [
  'confirm-receipt',
  'request-correction',
  'receive-correction',
  'treat-as-withdrawn',
  'assign',
  'joint-review',
  'start-consultation',
  'end-consultation',
  'extend',
  'request-fee',
  'record-payment',
  'close-unpaid',
  'draft-reply',
  'approve-reply',
  'deliver',
  'archive',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** The steps a case records: its actions, plus registration and the sweep's own moves. */
export type StepKind = ApplicationAction | 'register' | 'consultation-lapsed';

export interface ApplicationStep {
  kind: StepKind;
  at: string;
  actor: StepActor | null;
  /** What the step recorded (the action's body, less nothing private) */
  details: Record<string, unknown>;
}

/** 会商 / third-party consultation. */
export type ConsultationKind = 'third-party' | 'other-authority';

/** The fee basis of 国办函〔2020〕109号. */
export type FeeBasis = 'count' | 'pages';

/** The letters a case sends; `reply` has one wording per outcome. */
export const LETTER_KINDS = [
  'acknowledgement',
  'correction-notice',
  'third-party-consultation',
  'extension-notice',
  'fee-notice',
  'reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The action bodies (POST /disclosure/applications/:documentId/actions/:action). */
export interface ActionBodies {
  'confirm-receipt': { receivedOn: string };
  'request-correction': { items: string; correctionDueOn: string };
  'receive-correction': { receivedOn: string };
  'treat-as-withdrawn': Record<string, never>;
  assign: { responsibleOffice: string; note?: string };
  'joint-review': { participants: string[]; conclusion: string };
  'start-consultation': { kind: ConsultationKind; party: string; sentOn: string };
  'end-consultation': { answeredOn: string; opinion?: string };
  extend: { workingDays: number; reason: string };
  'request-fee': { basis: FeeBasis; pages?: number; paymentDueOn: string };
  'record-payment': { paidOn: string; amount: number };
  'close-unpaid': Record<string, never>;
  'draft-reply': {
    outcome: Outcome;
    reason?: OutcomeReason;
    legalBasis: string;
    text?: string;
    /** 已公开信息: the catalogue items (documentIds) the reply points to */
    publicDocuments?: string[];
    /** 不予处理 1: the channel the request belongs to (信访, 12345 …) */
    redirectChannel?: string;
  };
  'approve-reply': { note?: string };
  deliver: { method: DeliveryForm | 'post'; deliveredOn: string };
  archive: Record<string, never>;
}

/** Public intake: POST /api/disclosure/applications (a contract: add fields, rename none). */
export type ApplicationIntake = z.infer<typeof applicationIntake>;
export type ApplicationIntakeAnswer = z.infer<typeof applicationIntakeAnswer>;

/** Public lookup: GET /api/disclosure/applications/:number?code= (nothing private). */
export type ApplicationLookupAnswer = z.infer<typeof applicationLookupAnswer>;

/** The clocks of a case (Beijing dates), as the admin page and the lookup show them. */
export interface ApplicationClocks {
  receivedOn: string | null;
  /** Correction notice due (7 working days after receipt), while one may still be sent */
  correctionNoticeDueOn: string | null;
  /** The date given to the applicant to correct by */
  correctionDueOn: string | null;
  /** The reply due date: 20 working days, restarted by a correction, stopped while consulting or awaiting a fee, plus any extension */
  replyDueOn: string | null;
  /** A running third-party consultation's 15th working day */
  consultationDueOn: string | null;
  paymentDueOn: string | null;
  /** Working days the reply clock has stood still */
  pausedWorkingDays: number;
  extendedWorkingDays: number;
}

/** A case in the admin's list (no personal data beyond the name). */
export interface ApplicationSummary {
  documentId: string;
  number: string;
  organization: { documentId: string; code: string; name: string } | null;
  channel: ApplicationChannel;
  applicantType: ApplicantType;
  applicantName: string;
  description: string;
  status: ApplicationStatus;
  outcome: Outcome | null;
  outcomeReason: OutcomeReason | null;
  clocks: ApplicationClocks;
  /** overdue: past its reply date; due-soon: within 3 working days */
  urgency: 'overdue' | 'due-soon' | 'on-track' | 'concluded';
  possibleRepeatOf: string[];
  createdAt: string;
}

/** A case opened in the admin (its personal data read and the read written to the ledger). */
export interface ApplicationDetail extends ApplicationSummary {
  applicant: {
    name: string;
    idType: string;
    idNumber: string;
    phone: string;
    email: string | null;
    address: string;
  };
  documentNumber: string | null;
  form: DeliveryForm;
  responsibleOffice: string | null;
  legalBasis: string | null;
  replyText: string | null;
  publicDocuments: string[];
  /** publicDocuments in words, in the same order: 《title》（文号）, or the documentId of one gone */
  publicDocumentTitles: string[];
  fee: { basis: FeeBasis; pages: number | null; amount: number; paidOn: string | null } | null;
  steps: ApplicationStep[];
  /** The actions the signed-in admin may take now */
  allowedActions: ApplicationAction[];
  letters: LetterKind[];
}

export interface ApplicationListQuery {
  organization?: string;
  status?: ApplicationStatus;
  urgency?: ApplicationSummary['urgency'];
  q?: string;
  page?: number;
  pageSize?: number;
}
export interface ApplicationListAnswer {
  data: ApplicationSummary[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/**
 * 文书模板: a letter's wording, as the settings page edits it. `key` is the letter kind, and for the
 * reply `reply.<outcome>` or `reply.<outcome>.<reason>` (one statutory wording per table 3 row).
 * Placeholders are `{{name}}`, one of LETTER_PLACEHOLDERS.
 */
export interface LetterTemplate {
  key: string;
  kind: LetterKind;
  outcome: Outcome | null;
  reason: OutcomeReason | null;
  title: string;
  body: string;
  /** The built-in wording: no stored template applies (the office's own, or the organization's) */
  isDefault: boolean;
}

/** The placeholders a letter template may use, with the words the settings page shows beside them. */
export const LETTER_PLACEHOLDERS = [
  { name: 'number', label: '申请编号 (case number)' },
  { name: 'applicantName', label: '申请人姓名或名称 (applicant)' },
  { name: 'organizationName', label: '本机关名称 (issuing organization)' },
  { name: 'receivedOn', label: '收到申请日期 (received on)' },
  { name: 'replyDueOn', label: '答复期限 (reply due on)' },
  { name: 'description', label: '申请内容 (what is asked for)' },
  { name: 'documentNumber', label: '所申请文件的文号 (document number asked for)' },
  { name: 'legalBasis', label: '具体理由和依据 (the case’s reasons and basis)' },
  { name: 'correctionItems', label: '需补正事项 (what to correct)' },
  { name: 'correctionDueOn', label: '补正期限 (correct by)' },
  { name: 'extensionDays', label: '延长工作日数 (working days of extension)' },
  { name: 'extensionReason', label: '延期理由 (reason for extension)' },
  { name: 'feeAmount', label: '信息处理费金额 (fee, yuan)' },
  { name: 'feeExplanation', label: '计费说明 (how the fee is computed)' },
  { name: 'paymentDueOn', label: '缴费期限 (pay by)' },
  { name: 'thirdParty', label: '第三方名称 (third party)' },
  { name: 'redirectChannel', label: '应当通过的渠道 (the channel the request belongs to)' },
  { name: 'publicDocuments', label: '已主动公开的信息 (catalogue items already public)' },
  { name: 'deliveryForm', label: '提供政府信息的方式 (how the information is provided)' },
  { name: 'today', label: '成文日期 (date of the letter)' },
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number]['name'];

/** A refusal of a template as written (checkTemplate), in Chinese with English beside. */
export interface LetterTemplateProblem {
  field: 'title' | 'body';
  /** The placeholder refused, when the problem is one */
  placeholder: string | null;
  message: string;
}

export declare namespace GetLetterTemplates {
  export interface Request {
    /** An organization's documentId: its own wording, over the office-wide one */
    query: { organization?: string };
  }
  /** Every template key with its effective wording */
  export interface Response {
    data: LetterTemplate[];
  }
}

/** 400 naming the field (and the placeholder) when the wording is refused. */
export declare namespace SaveLetterTemplate {
  export interface Request {
    params: { key: string };
    query: { organization?: string };
    body: { data: { title: string; body: string } };
  }
  export interface Response {
    data: LetterTemplate;
  }
}

/** Back to the default: the effective wording afterwards. 404 for an unknown key. */
export declare namespace ResetLetterTemplate {
  export interface Request {
    params: { key: string };
    query: { organization?: string };
  }
  export interface Response {
    data: LetterTemplate;
  }
}

/**
 * GET /disclosure/applications/:documentId/letters/:kind?format=docx|text: the .docx as a download
 * (the default), or the letter's text as the applicant reads it online.
 */
export const LETTER_FORMATS = ['docx', 'text'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export interface ApplicationLetterTextAnswer {
  data: { kind: LetterKind; title: string; body: string };
}
