/**
 * 依申请公开 (disclosure on request, 2019 Regulation): the vocabulary and the routes' request and
 * response shapes, one definition for the plugin's server, its admin page and the annual report.
 * Stored values are these English codes; the admin shows the Chinese words beside them.
 */

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
export interface ApplicationIntake {
  organization: string;
  applicantType: ApplicantType;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
  description: string;
  documentNumber?: string;
  form: DeliveryForm;
}
export interface ApplicationIntakeAnswer {
  data: { number: string; code: string; status: 'submitted' };
}

/** Public lookup: GET /api/disclosure/applications/:number?code= (nothing private). */
export interface ApplicationLookupAnswer {
  data: {
    number: string;
    status: ApplicationStatus;
    receivedOn: string | null;
    dueOn: string | null;
    outcome: Outcome | null;
    /** The reply's text, once delivered */
    reply: string | null;
  };
}

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
