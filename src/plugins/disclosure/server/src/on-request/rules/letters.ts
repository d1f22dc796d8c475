import {
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  OUTCOME_REASONS,
  OUTCOMES,
  type ApplicationDetail,
  type ApplicationStep,
  type DeliveryForm,
  type LetterKind,
  type LetterPlaceholder,
  type LetterTemplateProblem,
  type Outcome,
  type OutcomeReason,
  type StepKind,
} from '../../../../shared/contracts/on-request';
import { beijingDate, isIsoDate } from '../../calendar/rules/beijing-time';

/*
 * 依申请公开文书: the letters a case sends, their default wording, and how a case fills them in.
 * Pure (no Strapi): the letters service stores the offices' own wording and makes the .docx.
 *
 * The wording follows the 2019 Regulation (《中华人民共和国政府信息公开条例》, 国务院令第711号):
 * art. 30 correction, art. 32 third parties, art. 33 the 20 working days and the one extension,
 * art. 42 and 国办函〔2020〕109号 the information processing fee, and for the reply one wording per row
 * of the annual report's table 3, citing the article it rests on (arts. 14–16 and 36(三) for refusals,
 * 36(四)(五) and 38 for what cannot be provided, 35, 36(六) and 39 for what is not processed). Every
 * reply ends with the applicant's remedies: 行政复议 within 60 days (行政复议法 art. 20) and 行政诉讼
 * within 6 months (行政诉讼法 art. 46), so a default letter is lawful as it stands.
 */

export interface LetterText {
  title: string;
  body: string;
}

/** A template key: the letter kind, and for the reply `reply.<outcome>` or `reply.<outcome>.<reason>`. */
export type LetterTemplateKey = string;

/** A letter asked for that cannot be made (the reply before its outcome): a 400 for the caller. */
export class LetterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterError';
  }
}

/** What a missing value prints as: a line to fill in by hand on the printed letter. */
export const BLANK = '＿＿＿＿';

const REGULATION = '《中华人民共和国政府信息公开条例》（以下简称《条例》）';

/** The salutation: letters to the applicant are addressed to them by name. */
const TO_APPLICANT = '{{applicantName}}：';

/** How every reply begins: the application, as received. */
const REPLY_OPENING = `本机关于{{receivedOn}}收到您提出的政府信息公开申请，您申请获取“{{description}}”。根据${REGULATION}的规定，经审查，现答复如下：`;

/** The remedies every reply states (条例 art. 51; 行政复议法 art. 20; 行政诉讼法 art. 46). */
const REMEDY =
  '如对本答复不服，可以自收到本答复书之日起60日内依法申请行政复议，或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。';

const replyBody = (...paragraphs: string[]): string =>
  [TO_APPLICANT, REPLY_OPENING, ...paragraphs, REMEDY, '特此告知。'].join('\n');

const REPLY_TITLE = '政府信息公开申请答复书';

/** 不予公开: the reason stated, the articles it rests on, and the decision (art. 36(三)). */
const refusal = (what: string, articles: string): string =>
  `经审查，您申请获取的政府信息${what}。根据《条例》${articles}、第三十六条第（三）项的规定，本机关决定不予公开。具体理由和依据：{{legalBasis}}。`;

/** The reply's wording per outcome (`reply.<outcome>`) and per outcome and reason. */
const REPLY_BODIES: Readonly<Record<string, string>> = {
  // 予以公开: provided (36(二)), or already public and where to find it (36(一)).
  'reply.disclosed': replyBody(
    '经审查，您申请获取的政府信息属于公开范围。根据《条例》第三十六条第（一）项、第（二）项的规定，本机关予以公开，{{deliveryForm}}。其中已经主动公开的信息：{{publicDocuments}}。'
  ),
  // 部分公开: 区分处理 (art. 37), the part withheld explained.
  'reply.partially-disclosed': replyBody(
    '经审查，您申请获取的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据《条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容，{{deliveryForm}}；对不予公开的内容，理由如下：{{legalBasis}}。'
  ),
  // 不予公开, the eight grounds of table 3.
  'reply.not-disclosed.state-secret': replyBody(
    refusal('属于依法确定为国家秘密的政府信息', '第十四条')
  ),
  'reply.not-disclosed.prohibited-by-law': replyBody(
    refusal('属于法律、行政法规禁止公开的政府信息', '第十四条')
  ),
  'reply.not-disclosed.endangers-security-stability': replyBody(
    refusal('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条')
  ),
  'reply.not-disclosed.third-party-rights': replyBody(
    refusal(
      '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且第三方未同意公开，不公开亦不会对公共利益造成重大影响',
      '第十五条、第三十二条'
    )
  ),
  'reply.not-disclosed.internal-affairs': replyBody(
    refusal(
      '属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）',
      '第十六条第一款'
    )
  ),
  'reply.not-disclosed.process-information': replyBody(
    refusal(
      '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
      '第十六条第二款'
    )
  ),
  'reply.not-disclosed.enforcement-files': replyBody(
    refusal('属于行政执法案卷信息', '第十六条第二款')
  ),
  // 行政查询事项: special rules of law for obtaining it (工商、不动产登记资料), art. 36(七).
  'reply.not-disclosed.administrative-query': replyBody(
    '经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据《条例》第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理：{{legalBasis}}。'
  ),
  // 无法提供
  'reply.unavailable.not-held': replyBody(
    '经检索，本机关没有制作或者获取您申请获取的政府信息，该政府信息不存在或者不属于本机关负责公开。根据《条例》第三十六条第（四）项、第（五）项的规定，特此告知。具体情况（能够确定负责公开该政府信息的行政机关的，其名称和联系方式）：{{legalBasis}}。'
  ),
  'reply.unavailable.needs-creation': replyBody(
    '经审查，本机关没有现成的您申请获取的政府信息，需要对现有政府信息进行加工、分析方能提供。根据《条例》第三十八条的规定，本机关不予提供。具体情况：{{legalBasis}}。'
  ),
  'reply.unavailable.unclear-after-correction': replyBody(
    '本机关已告知您对申请作出补正（需补正事项：{{correctionItems}}），补正后您的申请内容仍不明确，本机关无法据此确定您申请获取的政府信息。根据《条例》第二十九条第二款第（二）项、第三十条的规定，本机关无法提供。具体情况：{{legalBasis}}。'
  ),
  // 不予处理
  'reply.not-processed.petition-complaint': replyBody(
    '经审查，您提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。根据《条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理。您可以通过{{redirectChannel}}提出。'
  ),
  'reply.not-processed.repeated': replyBody(
    '经审查，本机关已就您此前提出的政府信息公开申请作出答复，您本次重复申请公开相同的政府信息。根据《条例》第三十六条第（六）项的规定，本机关不予重复处理。具体情况：{{legalBasis}}。'
  ),
  'reply.not-processed.publication': replyBody(
    '经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据《条例》第三十九条第二款的规定，本机关不作为政府信息公开申请处理，现告知您获取的途径：{{legalBasis}}。'
  ),
  'reply.not-processed.mass-repeated': replyBody(
    '您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，本机关认为申请理由不合理。根据《条例》第三十五条的规定，本机关不予处理。具体情况：{{legalBasis}}。'
  ),
  'reply.not-processed.confirmation': replyBody(
    '经审查，您要求本机关对您已获取的信息予以确认或者重新出具，不属于《条例》第二条、第二十七条规定的获取政府信息的申请。本机关不作为政府信息公开申请处理。具体情况：{{legalBasis}}。'
  ),
  // 其他处理
  'reply.other.no-correction': replyBody(
    '本机关已告知您于{{correctionDueOn}}前对申请作出补正（需补正事项：{{correctionItems}}），您无正当理由逾期未补正。根据《条例》第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。'
  ),
  'reply.other.fee-unpaid': replyBody(
    '本机关已向您发出收费通知，告知您于{{paymentDueOn}}前缴纳信息处理费人民币{{feeAmount}}，您逾期未缴纳。根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。'
  ),
  'reply.other.other': replyBody('经审查，本机关对您的申请作如下处理：{{legalBasis}}。'),
};

/** The default wording of every template key: the five notices, then the reply per table 3 row. */
export const DEFAULT_TEMPLATES: Readonly<Record<LetterTemplateKey, LetterText>> = {
  acknowledgement: {
    title: '政府信息公开申请登记回执',
    body: [
      TO_APPLICANT,
      `本机关于{{receivedOn}}收到您提出的政府信息公开申请，已予登记，申请编号为{{number}}。您申请获取“{{description}}”。`,
      `根据${REGULATION}第三十三条的规定，本机关将自收到申请之日起20个工作日内，即{{replyDueOn}}前予以答复；需要延长答复期限的，将另行告知。征求第三方和其他机关意见所需时间不计算在答复期限内。`,
      '您可以凭申请编号和查询码在本机关政府信息公开专栏查询办理进度。',
      '特此告知。',
    ].join('\n'),
  },
  'correction-notice': {
    title: '政府信息公开申请补正告知书',
    body: [
      TO_APPLICANT,
      `本机关于{{receivedOn}}收到您提出的政府信息公开申请，您申请获取“{{description}}”。经审查，您的申请内容不明确。根据${REGULATION}第二十九条、第三十条的规定，请您对以下事项作出补正：{{correctionItems}}。`,
      '请于{{correctionDueOn}}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。',
      '无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ].join('\n'),
  },
  // Addressed to the third party: nothing of the applicant (checkTemplate refuses their name here).
  'third-party-consultation': {
    title: '政府信息公开征求第三方意见函',
    body: [
      '{{thirdParty}}：',
      '本机关收到一项政府信息公开申请，申请获取“{{description}}”。经审查，该信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开可能对贵方合法权益造成损害。',
      `根据${REGULATION}第三十二条的规定，现书面征求贵方意见。请贵方自收到本函之日起15个工作日内，以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将依照《条例》的规定决定是否公开。`,
      '贵方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
      '特此函达。',
    ].join('\n'),
  },
  'extension-notice': {
    title: '政府信息公开申请延期答复告知书',
    body: [
      TO_APPLICANT,
      '本机关于{{receivedOn}}收到您提出的政府信息公开申请，您申请获取“{{description}}”。',
      `因{{extensionReason}}，本机关不能在规定期限内作出答复。根据${REGULATION}第三十三条第一款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，本机关将于{{replyDueOn}}前作出答复。`,
      '特此告知。',
    ].join('\n'),
  },
  'fee-notice': {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      TO_APPLICANT,
      '本机关于{{receivedOn}}收到您提出的政府信息公开申请，您申请获取“{{description}}”。',
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费人民币{{feeAmount}}。`,
      '计费说明：{{feeExplanation}}。',
      '请于{{paymentDueOn}}前缴纳。自发出收费通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ].join('\n'),
  },
  ...Object.fromEntries(
    Object.entries(REPLY_BODIES).map(([key, body]) => [key, { title: REPLY_TITLE, body }])
  ),
};

/**
 * The template key of a letter: the kind, and for the reply its outcome (and reason, for the outcomes
 * table 3 splits by reason). A reply without its outcome, or with a reason of another outcome, has none.
 */
export function templateKey(
  kind: LetterKind,
  outcome?: Outcome | null,
  reason?: OutcomeReason | null
): LetterTemplateKey {
  if (kind !== 'reply') return kind;
  if (!outcome || !OUTCOMES.includes(outcome))
    throw new LetterError('答复书须先确定办理结果 (the reply needs the case’s outcome first)');
  const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
  if (reasons.length === 0) return `reply.${outcome}`;
  if (!reason || !reasons.includes(reason))
    throw new LetterError(
      `办理结果“${outcome}”须注明具体情形：${reasons.join('、')} (the outcome ${outcome} needs one of its reasons)`
    );
  return `reply.${outcome}.${reason}`;
}

/** Every template key, in the settings page's order: the notices, then the reply by table 3's rows. */
export const TEMPLATE_KEYS: readonly LetterTemplateKey[] = Object.keys(DEFAULT_TEMPLATES);

/** What a template key names, or null for a key that is none. */
export function parseTemplateKey(
  key: string
): { kind: LetterKind; outcome: Outcome | null; reason: OutcomeReason | null } | null {
  if (!Object.hasOwn(DEFAULT_TEMPLATES, key)) return null;
  const [kind, outcome = null, reason = null] = key.split('.') as [
    LetterKind,
    Outcome | undefined,
    OutcomeReason | undefined,
  ];
  return LETTER_KINDS.includes(kind) ? { kind, outcome, reason } : null;
}

/** `{{ name }}`: a placeholder as written (its name checked separately, so a misspelling is named). */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(
  LETTER_PLACEHOLDERS.map((placeholder) => placeholder.name)
);
/** Placeholders that carry the applicant's personal data: only in letters addressed to the applicant. */
const APPLICANT_PLACEHOLDERS: ReadonlySet<string> = new Set(['applicantName']);
const NOT_TO_APPLICANT: ReadonlySet<string> = new Set(['third-party-consultation']);

export const TEMPLATE_LIMITS = { title: 200, body: 10000 } as const;

const FIELD_WORDS = { title: '标题 title', body: '正文 body' } as const;

/**
 * What is wrong with a template as written, for the office saving it: an empty or overlong field, a
 * placeholder that is none (named, with the list), braces that are no placeholder, and, in a letter
 * to someone other than the applicant (`key`), the applicant's data. Empty when it may be saved.
 */
export function checkTemplate(
  template: LetterText,
  key?: LetterTemplateKey
): LetterTemplateProblem[] {
  const problems: LetterTemplateProblem[] = [];
  const known = [...KNOWN_PLACEHOLDERS].map((name) => `{{${name}}}`).join('、');
  for (const field of ['title', 'body'] as const) {
    const text = template[field];
    const words = FIELD_WORDS[field];
    const limit = TEMPLATE_LIMITS[field];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({
        field,
        placeholder: null,
        message: `${words} 不能为空 (${field} is required)`,
      });
      continue;
    }
    if (text.length > limit)
      problems.push({
        field,
        placeholder: null,
        message: `${words} 最多 ${limit} 字 (${field} must be at most ${limit} characters)`,
      });
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!KNOWN_PLACEHOLDERS.has(name))
        problems.push({
          field,
          placeholder: name,
          message: `${words} 中的占位符 {{${name}}} 不存在，可用的占位符：${known} (unknown placeholder {{${name}}})`,
        });
      else if (key && NOT_TO_APPLICANT.has(key) && APPLICANT_PLACEHOLDERS.has(name))
        problems.push({
          field,
          placeholder: name,
          message: `该文书不是写给申请人的，不得包含申请人信息 {{${name}}} (this letter is not addressed to the applicant: {{${name}}} is not allowed)`,
        });
    }
    if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, '')))
      problems.push({
        field,
        placeholder: null,
        message: `${words} 中有不完整的占位符，应写作 {{名称}} (a placeholder is written {{name}})`,
      });
  }
  return problems;
}

/**
 * The letter with its placeholders filled in. A value not given (or blank) prints as ＿＿＿＿, so a
 * printed letter can be completed by hand; so does a placeholder the template should not have had.
 */
export function renderLetter(template: LetterText, values: Record<string, string>): LetterText {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      return value !== undefined && value.trim() !== '' ? value : BLANK;
    });
  return { title: fill(template.title), body: fill(template.body) };
}

/** 2026-09-29 (or an instant, taken as its Beijing date) → 2026年9月29日, as official documents write dates. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  const date = isIsoDate(value)
    ? value
    : Number.isNaN(instant.getTime())
      ? null
      : beijingDate(instant);
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** An amount in yuan as a letter writes it: 100元, 12.50元. */
export const yuan = (amount: number): string =>
  `${Number.isInteger(amount) ? amount : amount.toFixed(2)}元`;

/** The fee bands of 国办函〔2020〕109号, as the fee notice explains them. */
const FEE_BANDS = {
  count:
    '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，每件100元；31件以上的部分，以10件为一档，每增加一档，收费标准每件提高100元',
  pages:
    '按量计收：30页以下（含30页）的，不收费；31—100页（含100页）的部分，每页10元；101—200页（含200页）的部分，每页20元；200页以上的部分，每页40元',
} as const;

const DELIVERY_WORDS: Readonly<Record<DeliveryForm, string>> = {
  electronic: '以电子数据形式随本答复书一并提供',
  paper: '以纸质形式随本答复书一并提供',
  email: '通过电子邮件发送至您申请时提供的电子邮箱',
  pickup: '请您持有效身份证件到本机关领取',
};

/** The latest step of a kind (a correction asked twice: the second notice is the one that counts). */
const latestStep = (
  steps: readonly ApplicationStep[],
  kind: StepKind
): ApplicationStep | undefined => [...steps].reverse().find((step) => step.kind === kind);

/** A step's detail as text, when it is text or a number. */
const detailText = (step: ApplicationStep | undefined, name: string): string => {
  const value = step?.details[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/**
 * The placeholder values of a case, as its letters print them: dates in Beijing's calendar written the
 * Chinese way, the fee in yuan. `today` is the letter's date (YYYY-MM-DD, or an instant). Values the
 * case does not have yet are empty, and print as blanks. `publicDocuments` are documentIds here; the
 * service puts their titles in their place.
 */
export function letterValues(
  detail: ApplicationDetail,
  organizationName: string,
  today: string
): Record<LetterPlaceholder, string> {
  const correction = latestStep(detail.steps, 'request-correction');
  const extension = latestStep(detail.steps, 'extend');
  const fee = latestStep(detail.steps, 'request-fee');
  const consultation = latestStep(detail.steps, 'start-consultation');
  const draft = latestStep(detail.steps, 'draft-reply');
  const pages = detail.fee?.pages;
  const feeExplanation = detail.fee
    ? detail.fee.basis === 'pages'
      ? `本次提供的政府信息共${pages ?? BLANK}页。${FEE_BANDS.pages}`
      : FEE_BANDS.count
    : '';
  const extensionDays =
    detail.clocks.extendedWorkingDays > 0
      ? String(detail.clocks.extendedWorkingDays)
      : detailText(extension, 'workingDays');
  return {
    number: detail.number,
    applicantName: detail.applicant.name || detail.applicantName,
    organizationName,
    receivedOn: chineseDate(detail.clocks.receivedOn),
    replyDueOn: chineseDate(detail.clocks.replyDueOn),
    description: detail.description,
    documentNumber: detail.documentNumber ?? '',
    legalBasis: detail.legalBasis ?? '',
    correctionItems: detailText(correction, 'items'),
    correctionDueOn: chineseDate(
      detail.clocks.correctionDueOn ?? detailText(correction, 'correctionDueOn')
    ),
    extensionDays,
    extensionReason: detailText(extension, 'reason'),
    feeAmount: detail.fee ? yuan(detail.fee.amount) : '',
    feeExplanation,
    paymentDueOn: chineseDate(detail.clocks.paymentDueOn ?? detailText(fee, 'paymentDueOn')),
    thirdParty: detailText(consultation, 'party'),
    redirectChannel: detailText(draft, 'redirectChannel'),
    publicDocuments: detail.publicDocuments.length ? detail.publicDocuments.join('、') : '无',
    deliveryForm: DELIVERY_WORDS[detail.form] ?? '',
    today: chineseDate(today),
  };
}

/** The step that sends each letter, and the detail holding the day it was sent (else the step's own time). */
const SENT_BY: Readonly<Record<LetterKind, ReadonlyArray<[StepKind, string | null]>>> = {
  acknowledgement: [
    ['confirm-receipt', null],
    ['register', null],
  ],
  'correction-notice': [['request-correction', null]],
  'third-party-consultation': [['start-consultation', 'sentOn']],
  'extension-notice': [['extend', null]],
  'fee-notice': [['request-fee', null]],
  reply: [
    ['deliver', 'deliveredOn'],
    ['approve-reply', null],
  ],
};

/**
 * The date a letter bears (YYYY-MM-DD, Beijing): the day the step that sent it was taken, so a letter
 * downloaded again is the letter that was sent; null while it has not been sent (it then bears today).
 */
export function letterDateOf(kind: LetterKind, detail: ApplicationDetail): string | null {
  for (const [stepKind, detailName] of SENT_BY[kind]) {
    const step = latestStep(detail.steps, stepKind);
    if (!step) continue;
    const given = detailName ? detailText(step, detailName) : '';
    if (isIsoDate(given)) return given;
    const at = new Date(step.at);
    if (!Number.isNaN(at.getTime())) return beijingDate(at);
  }
  return null;
}
