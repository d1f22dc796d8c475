import { MAX_WEB_ADDRESS_LENGTH } from '../../../../shared/web-address';

/**
 * Strapi's schema validation answers in English ("title must be defined."). Editors read Chinese, so
 * each message is given in Chinese first with the original beside it, naming the field as offices do.
 */

export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  name: '名称',
  shortName: '简称',
  code: '机构代码',
  level: '层级',
  parent: '上级机构',
  regionCode: '行政区划代码',
  portalUrl: '门户网站地址',
  documentNumber: '文号',
  indexNumber: '索引号',
  issuingOrganization: '发布机构',
  coIssuers: '联合发文机关',
  draftingDepartment: '起草部门',
  writtenDate: '成文日期',
  issueDate: '印发日期',
  category: '五公开类别',
  topic: '主题分类',
  genre: '体裁',
  disclosureAttribute: '公开属性',
  nonDisclosureReason: '不予公开理由',
  nonDisclosureExplanation: '理由说明',
  isNormative: '是否行政规范性文件',
  validity: '有效性',
  effectiveDate: '生效日期',
  expiryDate: '失效日期',
  replacedBy: '替代文件',
  summary: '摘要',
  body: '正文',
  attachments: '附件',
  implements: '所贯彻的上级文件',
  confidentialityReview: '保密审查',
  sourceDocument: '所解读的文件',
  form: '解读形式',
  interpreter: '解读机关',
  questions: '政策问答',
  startDate: '征集开始日期',
  endDate: '征集截止日期',
  shortPeriodReason: '缩短征集期的理由',
  channels: '意见反馈渠道',
  result: '采纳情况',
  content: '意见内容',
  kind: '类型',
  heldAt: '举行时间',
  speakers: '发布人',
  question: '问题',
  answer: '回答',
  address: '地址',
  reviewer: '审查人',
  reviewedAt: '审查时间',
  conclusion: '审查结论',
  position: '职务',
  reprintedFrom: '转载来源',
  reprintedFromUrl: '转载来源链接',
  // Syndication messages and receipts (转载)
  documentUrl: '原文链接',
  url: '网址',
  sha256: 'SHA-256 校验值',
  sizeInBytes: '文件大小',
  mime: '文件类型',
  // Admin accounts
  password: '密码',
};

const PATTERNS: Array<[RegExp, (label: string, match: RegExpMatchArray) => string]> = [
  [/must be defined|is a required field|must not be null|cannot be null/i, (l) => `${l}为必填项`],
  [/must be one of the following values: (.*)$/i, (l, m) => `${l}只能取以下值之一：${m[1]}`],
  [/must be unique/i, (l) => `${l}已被其他条目使用，须唯一`],
  [/must match the following/i, (l) => `${l}格式不正确`],
  [/must be at most (\d+) characters/i, (l, m) => `${l}最多 ${m[1]} 个字符`],
  [/must be at least (\d+) characters/i, (l, m) => `${l}至少 ${m[1]} 个字符`],
  [/must be less than or equal to (\S+)/i, (l, m) => `${l}不得大于 ${m[1]}`],
  [/must be greater than or equal to (\S+)/i, (l, m) => `${l}不得小于 ${m[1]}`],
  [/must be a `?(\w+)`? type/i, (l, m) => `${l}类型应为 ${m[1]}`],
  [/must be a valid date/i, (l) => `${l}须为有效日期 (YYYY-MM-DD)`],
  // Strapi's admin password rule (at least 8 characters, at most 72 bytes, a lowercase, a capital, a digit)
  [/must contain at least one lowercase character/i, (l) => `${l}须含小写字母`],
  [/must contain at least one uppercase character/i, (l) => `${l}须含大写字母`],
  [/must contain at least one number/i, (l) => `${l}须含数字`],
  [/must be less than (\d+) bytes/i, (l, m) => `${l}须少于 ${m[1]} 字节`],
  [/(\d+) errors occurred/i, (_l, m) => `共 ${m[1]} 处错误`],
  // Uploads, should plugin::upload.security list types again (the plugin's own check is file-kinds).
  [/File type '(.+)' is not allowed/i, (_l, m) => `不允许上传该类型的文件：${m[1]}`],
  [/Cannot verify file type/i, () => '无法确认文件类型，已拒绝上传'],
  [/invalid JSON/i, () => '请求内容不是有效的 JSON 对象或数组'],
];

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** The field as an editor knows it, with its API name: 标题（title）, 类型（channels.0.kind）. */
export const fieldLabel = (path: Array<string | number> | undefined): string => {
  if (!path?.length) return '';
  const apiName = path.join('.');
  const field = [...path]
    .reverse()
    .find((segment) => typeof segment === 'string' && !/^\d+$/.test(segment));
  const label = FIELD_LABELS[String(field)];
  return label ? `${label}（${apiName}）` : apiName;
};

/** An address refused for its scheme or length, naming the field: 转载来源链接（reprintedFromUrl）须为 http 或 https 网址… */
export const webAddressMessage = (path: Array<string | number>): string =>
  `${fieldLabel(path)}须为 http 或 https 网址，最长 ${MAX_WEB_ADDRESS_LENGTH} 个字符 (${path.join('.')} must be an http or https URL of at most ${MAX_WEB_ADDRESS_LENGTH} characters)`;

/** Chinese first, the original beside it; messages already in Chinese are left as they are. */
export function bilingualMessage(message: string, path?: Array<string | number>): string {
  if (!message || HAS_CHINESE.test(message)) return message;
  const label = fieldLabel(path);
  for (const [pattern, translate] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return `${translate(label, match)} (${message})`;
  }
  return label ? `${label}填写有误 (${message})` : message;
}
