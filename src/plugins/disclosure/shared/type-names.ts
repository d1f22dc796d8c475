/**
 * The names of the content types and components editors meet, by UID: the schema's `displayName`
 * (the id the content manager translates a type by) and the name editors know it by. One table for
 * the admin's translations (src/admin/schema-words.ts) and the server's editor views.
 */
import {
  CALENDAR_DAY_UID,
  COMPONENTS,
  CONTENT_TYPES,
  CONVERSION_TERM_UID,
  EDITOR_ORGANIZATION_UID,
  LEGAL_CHALLENGE_UID,
  REPORT_FIGURE_UID,
} from './constants';

export interface TypeName {
  displayName: string;
  zh: string;
}

export const TYPE_NAMES = {
  [CONTENT_TYPES.policyDocument]: { displayName: 'Policy document', zh: '政策文件' },
  [CONTENT_TYPES.interpretation]: { displayName: 'Interpretation', zh: '政策解读' },
  [CONTENT_TYPES.consultation]: { displayName: 'Consultation', zh: '意见征集' },
  [CONTENT_TYPES.consultationFeedback]: { displayName: 'Consultation feedback', zh: '征集意见' },
  [CONTENT_TYPES.pressRelease]: { displayName: 'Press release', zh: '新闻发布' },
  [CONTENT_TYPES.publicConcern]: { displayName: 'Public concern', zh: '政务舆情回应' },
  [CONTENT_TYPES.publicAnswer]: { displayName: 'Public answer', zh: '公众问答' },
  [CONTENT_TYPES.annualReport]: { displayName: 'Annual report', zh: '政府信息公开工作年度报告' },
  [CONTENT_TYPES.organization]: { displayName: 'Organization', zh: '机构' },
  [CONVERSION_TERM_UID]: { displayName: 'Conversion dictionary term', zh: '简繁转换词典' },
  [EDITOR_ORGANIZATION_UID]: { displayName: "Editor's organization", zh: '账号所属机构' },
  [CALENDAR_DAY_UID]: { displayName: 'Holiday calendar day', zh: '节假日安排' },
  [LEGAL_CHALLENGE_UID]: { displayName: 'Legal challenge', zh: '行政复议和行政诉讼' },
  [REPORT_FIGURE_UID]: { displayName: 'Report figure', zh: '年度报告录入数字' },
  [COMPONENTS.confidentialityReview]: { displayName: 'Confidentiality review', zh: '保密审查' },
  [COMPONENTS.consultationChannel]: { displayName: 'Feedback channel', zh: '意见反馈渠道' },
  [COMPONENTS.consultationResult]: { displayName: 'Consultation result', zh: '采纳情况' },
  [COMPONENTS.qaItem]: { displayName: 'Q&A item', zh: '政策问答' },
  [COMPONENTS.pressSpeaker]: { displayName: 'Speaker', zh: '发布人' },
} as const satisfies Readonly<Record<string, TypeName>>;
