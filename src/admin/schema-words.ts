/**
 * What the content manager shows of the schemas in words: every enumeration value, and the names of
 * the content types and components, in Simplified Chinese and English. The stored values stay the
 * English codes the API returns; only the admin shows these words.
 *
 * One table, checked against the schemas by tests/domain/schema-words.test.ts: every enumeration
 * of every type the content manager shows (src/api, the disclosure plugin's visible types, the
 * components) has both words here, and nothing here is stale.
 */
import { TYPE_NAMES } from '../plugins/disclosure/shared/type-names';
import {
  MESSAGE_KIND_WORDS,
  NON_DISCLOSURE_GROUND_WORDS,
  w,
  type AdminLocale,
  type Word,
} from '../plugins/disclosure/shared/words';

export { ADMIN_LOCALES, type AdminLocale, type Word } from '../plugins/disclosure/shared/words';

/** An enumeration's words, by stored code. */
export type EnumerationWords = Readonly<Record<string, Word>>;

/**
 * By content-type or component UID, then attribute. Codes are listed in the schema's order.
 * The same code can mean different things in different enumerations (`decision` is 决策公开 as a
 * category and 决定 as a genre; `interview` is 访谈 as a press kind and 访谈解读 as an
 * interpretation form), which is why words belong to an enumeration and never to a bare code.
 */
export const ENUMERATION_WORDS = {
  'api::policy-document.policy-document': {
    category: {
      decision: w('决策公开', 'Decision-making'),
      execution: w('执行公开', 'Implementation'),
      management: w('管理公开', 'Management'),
      service: w('服务公开', 'Services'),
      result: w('结果公开', 'Results'),
    },
    // 年度报告表二: the decisions a result item records (第二十条第（五）（六）项).
    decisionKind: {
      'administrative-licensing': w('行政许可', 'Administrative licensing'),
      'administrative-penalty': w('行政处罚', 'Administrative penalty'),
      'administrative-enforcement': w('行政强制', 'Administrative enforcement'),
    },
    // The kinds of official document of the 党政机关公文处理工作条例, and the forms offices issue.
    genre: {
      notice: w('通知', 'Notice'),
      opinion: w('意见', 'Opinions'),
      'implementation-plan': w('实施方案', 'Implementation plan'),
      'work-points': w('工作要点', 'Key work points'),
      decision: w('决定', 'Decision'),
      order: w('命令（令）', 'Order'),
      announcement: w('公告', 'Announcement'),
      circular: w('通告', 'Public notice'),
      bulletin: w('通报', 'Bulletin'),
      report: w('报告', 'Report'),
      reply: w('批复', 'Official reply'),
      measures: w('办法', 'Measures'),
      regulation: w('规定', 'Provisions'),
      rules: w('细则', 'Detailed rules'),
      plan: w('方案', 'Plan'),
      letter: w('函', 'Letter'),
      minutes: w('纪要', 'Minutes'),
      other: w('其他', 'Other'),
    },
    disclosureAttribute: {
      proactive: w('主动公开', 'Proactive disclosure'),
      'on-request': w('依申请公开', 'Disclosure on request'),
      'not-disclosed': w('不予公开', 'Not disclosed'),
    },
    // The eight grounds of table 3 of the annual report (国办公开办函〔2021〕30号), in its words.
    nonDisclosureReason: NON_DISCLOSURE_GROUND_WORDS,
    validity: {
      effective: w('有效', 'In force'),
      amended: w('已修改', 'Amended'),
      repealed: w('已废止', 'Repealed'),
      expired: w('已失效', 'Expired'),
    },
    // 年度报告表二 counts 规章 and 行政规范性文件 apart.
    normativeKind: {
      regulation: w('规章', 'Rules (regulation)'),
      'normative-document': w('行政规范性文件', 'Administrative normative document'),
    },
  },
  'api::press-release.press-release': {
    kind: {
      'press-conference': w('新闻发布会', 'Press conference'),
      'press-release': w('新闻稿', 'Press release'),
      briefing: w('吹风会', 'Briefing'),
      interview: w('访谈', 'Interview'),
      'online-interview': w('在线访谈', 'Online interview'),
      'reporter-qa': w('答记者问', "Answers to reporters' questions"),
    },
  },
  'api::consultation-feedback.consultation-feedback': {
    decision: {
      pending: w('待处理', 'Not yet decided'),
      adopted: w('采纳', 'Adopted'),
      'partly-adopted': w('部分采纳', 'Partly adopted'),
      'not-adopted': w('未采纳', 'Not adopted'),
    },
  },
  'api::public-concern.public-concern': {
    severity: {
      general: w('一般', 'General'),
      'major-emergency': w('重大突发事件', 'Major emergency'),
    },
  },
  'api::public-answer.public-answer': {
    // The mailbox's kinds (complaints go to the 信访 channel, never published here).
    kind: {
      suggestion: MESSAGE_KIND_WORDS.suggestion,
      question: MESSAGE_KIND_WORDS.question,
      help: MESSAGE_KIND_WORDS.help,
    },
  },
  'api::organization.organization': {
    level: {
      national: w('国家级', 'National'),
      province: w('省级', 'Provincial'),
      city: w('市级', 'Municipal'),
      county: w('县级', 'County'),
      township: w('乡镇级', 'Township'),
      department: w('部门', 'Department'),
    },
  },
  'api::interpretation.interpretation': {
    form: {
      text: w('文字解读', 'Written interpretation'),
      graphic: w('图解', 'Graphic interpretation'),
      video: w('视频解读', 'Video interpretation'),
      audio: w('音频解读', 'Audio interpretation'),
      qa: w('政策问答', 'Policy Q&A'),
      interview: w('访谈解读', 'Interview'),
      'press-conference': w('新闻发布会解读', 'Press conference'),
      expert: w('专家解读', 'Expert interpretation'),
    },
  },
  'consultation.channel': {
    kind: {
      online: w('网上提交', 'Online'),
      email: w('电子邮件', 'Email'),
      post: w('信函', 'Post'),
      fax: w('传真', 'Fax'),
      phone: w('电话', 'Telephone'),
      'in-person': w('当面提交', 'In person'),
    },
  },
  // As the edit view's side panel words them (the plugin's review.conclusion.* translations).
  'disclosure.confidentiality-review': {
    conclusion: {
      approved: w('同意公开', 'Approved for disclosure'),
      rejected: w('不同意公开', 'Disclosure refused'),
      'needs-changes': w('退回修改', 'Returned for changes'),
    },
  },
  // As Settings → 政务公开 words them (the plugin's settings.* translations).
  'plugin::disclosure.conversion-term': {
    kind: {
      phrase: w('词组对照', 'Phrase pair'),
      protected: w('保护词', 'Protected term'),
    },
  },
  // 年度报告表四, in its column words.
  'plugin::disclosure.legal-challenge': {
    kind: {
      reconsideration: w('行政复议', 'Administrative reconsideration'),
      'litigation-direct': w('行政诉讼（未经复议直接起诉）', 'Litigation without reconsideration'),
      'litigation-after-reconsideration': w(
        '行政诉讼（复议后起诉）',
        'Litigation after reconsideration'
      ),
    },
    result: {
      upheld: w('结果维持', 'Upheld'),
      corrected: w('结果纠正', 'Corrected'),
      other: w('其他结果', 'Other result'),
      pending: w('尚未审结', 'Not yet decided'),
    },
  },
  'plugin::disclosure.report-figure': {
    kind: {
      'administrative-licensing': w('行政许可决定数', 'Administrative licensing decisions'),
      'administrative-penalty': w('行政处罚决定数', 'Administrative penalty decisions'),
      'administrative-enforcement': w('行政强制决定数', 'Administrative enforcement decisions'),
      'administrative-fees': w('行政事业性收费（万元）', 'Administrative fees (10,000 yuan)'),
    },
  },
  'plugin::disclosure.calendar-day': {
    kind: {
      working: w('上班（调休）', 'Working day (make-up)'),
      holiday: w('放假', 'Holiday'),
    },
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, EnumerationWords>>>>;

/**
 * Content types and components by UID: the schema's `displayName` and the Chinese name, one table
 * with the plugin's editor views.
 */
export const SCHEMA_NAMES = TYPE_NAMES;

/** The content manager's translations of the type and component names, by display name. */
export const schemaNameTranslations = (): Record<string, string> =>
  Object.fromEntries(Object.values(SCHEMA_NAMES).map(({ displayName, zh }) => [displayName, zh]));

/**
 * An enumeration as the content manager hands it over (the attribute's list of codes, without the
 * type or field it belongs to) identifies its words: no two enumerations shown have the same set of
 * codes, which the domain test checks.
 */
const keyOf = (codes: readonly string[]) => [...codes].sort().join('\u0000');

const WORDS_BY_CODES: ReadonlyMap<string, EnumerationWords> = new Map(
  Object.values(ENUMERATION_WORDS).flatMap((attributes) =>
    Object.values(attributes).map((words: EnumerationWords) => [keyOf(Object.keys(words)), words])
  )
);

export const wordsOfEnumeration = (codes: readonly string[]): EnumerationWords | undefined =>
  WORDS_BY_CODES.get(keyOf(codes));

/** The admin's locale as one of ours: any Chinese admin locale reads Chinese, any other English. */
export const adminLocaleOf = (locale: string | undefined): AdminLocale =>
  locale?.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';

/** The word for a stored code, or the code itself when the enumeration is not in the table. */
export const enumerationWord = (
  codes: readonly string[],
  code: string,
  locale: string | undefined
): string => wordsOfEnumeration(codes)?.[code]?.[adminLocaleOf(locale)] ?? code;
