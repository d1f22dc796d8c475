/**
 * The content manager's views in Chinese: per content type and component, its name, every field's
 * label (the 政务公开 terms of docs/glossary.md), a description where a field needs one, the list
 * view's columns, the default sort, and the field that names an entry. A new type gets its view by
 * one entry here; tests/domain/editor-views.test.ts fails for a type or field left without a label.
 *
 * Labels are Chinese only: Strapi shows a label as given, whatever the admin's language, and an
 * editor reads these. English goes after the Chinese in descriptions, the one place Strapi leaves
 * room for it.
 */
import {
  CALENDAR_DAY_UID,
  COMPONENTS,
  CONTENT_TYPES,
  CONVERSION_TERM_UID,
  EDITOR_ORGANIZATION_UID,
  LEGAL_CHALLENGE_UID,
  REPORT_FIGURE_UID,
} from '../../../../shared/constants';

export type SortOrder = 'ASC' | 'DESC';

export interface FieldView {
  /** The edit view's label and the list view's column header. */
  label: string;
  /** Shown under the field in the edit view: what the plugin does with it, or what it needs. */
  description?: string;
  /** For a relation: the related type's field shown for each entry (its own `mainField`). */
  mainField?: string;
}

export interface EditorView {
  /** The field that names an entry: the edit view's title, and what relations to this type show. */
  mainField?: string;
  /** The list view's columns, in order; Strapi adds the status column of draft & publish types itself. */
  list?: readonly string[];
  /** How the list view is sorted until an editor sorts it otherwise. */
  sort?: { by: string; order: SortOrder };
  fields: Readonly<Record<string, FieldView>>;
}

/** A relation to an organization shows its name, one to a document or an interpretation its title. */
const ORGANIZATION_NAME = 'name';
const TITLE = 'title';

const REVIEW: FieldView = {
  label: '保密审查',
  description:
    '由审核人记录，谁发布谁审查、谁审查谁负责；审查通过方可发布 (recorded by a reviewer; publishing needs an approved review)',
};

/** Fields the content manager adds to every content type (timestamps, creator fields, the row id). */
export const SYSTEM_FIELDS: Readonly<Record<string, FieldView>> = {
  id: { label: '记录编号' },
  createdAt: { label: '创建时间' },
  updatedAt: { label: '更新时间' },
  createdBy: { label: '创建人' },
  updatedBy: { label: '最后修改人' },
};

export const EDITOR_VIEWS: Readonly<Record<string, EditorView>> = {
  [CONTENT_TYPES.policyDocument]: {
    mainField: TITLE,
    list: ['title', 'documentNumber', 'indexNumber', 'issuingOrganization', 'issueDate'],
    sort: { by: 'issueDate', order: 'DESC' },
    fields: {
      title: { label: '标题' },
      documentNumber: {
        label: '文号',
        description:
          '保存时自动规范为“鲁政办发〔2014〕8号”的形式：年份用六角括号〔〕，序号不编虚位；同一发布机构内不得重复 (normalized on save to the form 鲁政办发〔2014〕8号; unique per issuing organization)',
      },
      indexNumber: {
        label: '索引号',
        description:
          '留空则保存时自动生成：发布机构的机构代码/年份-流水号，如 370000001/2014-00001；年份取印发日期，其次成文日期、文号中的年份 (generated when empty: issuer code / year - sequence; unique)',
      },
      issuingOrganization: {
        label: '发布机构',
        description: '必填；联合发文的填牵头机关 (required; the lead organ of a joint issue)',
        mainField: ORGANIZATION_NAME,
      },
      coIssuers: { label: '联合发文机关', mainField: ORGANIZATION_NAME },
      draftingDepartment: {
        label: '起草部门',
        description:
          '谁起草、谁解读：政策解读默认由起草部门负责 (whoever drafts interprets: the default interpreter)',
        mainField: ORGANIZATION_NAME,
      },
      writtenDate: { label: '成文日期', description: '文件签发的日期 (date signed)' },
      issueDate: {
        label: '印发日期',
        description:
          '主动公开的文件应在印发当日公开 (date issued; a proactive document is published the same day)',
      },
      category: {
        label: '五公开类别',
        description:
          '决策、执行、管理、服务、结果公开 (the five classes of the disclosure catalogue)',
      },
      decisionKind: {
        label: '决定类别',
        description:
          '结果公开的行政许可、行政处罚、行政强制决定，计入年度报告表二 (a result item’s decision kind, counted in table 2)',
      },
      topic: { label: '主题分类' },
      genre: { label: '体裁' },
      disclosureAttribute: {
        label: '公开属性',
        description:
          '只有主动公开的文件可以发布；依申请公开、不予公开的须选择不予公开理由并说明 (only proactive documents are published; the others need a statutory ground and an explanation)',
      },
      nonDisclosureReason: {
        label: '不予公开理由',
        description:
          '年度报告表三所列八类法定理由之一 (one of the eight grounds of table 3 of the annual report)',
      },
      nonDisclosureExplanation: { label: '不予公开说明' },
      isNormative: {
        label: '行政规范性文件',
        description:
          '须与通过保密审查的政策解读同步发布，并计入年度报告 (published with its approved interpretation; counted in the annual report)',
      },
      normativeKind: {
        label: '规章或行政规范性文件',
        description:
          '年度报告表二分别统计规章和行政规范性文件；规章（政府令公布）选“规章” (counted apart in table 2 of the annual report)',
      },
      validity: { label: '有效性' },
      repealedOn: {
        label: '废止日期',
        description:
          '有效性改为“已废止”时默认为当天，可改为实际废止日期；计入年度报告表二的本年废止件数 (defaults to the day validity becomes repealed; counted in table 2)',
      },
      effectiveDate: { label: '施行日期' },
      expiryDate: { label: '失效日期' },
      replacedBy: {
        label: '替代文件',
        description: '修改或废止本文件的文件 (the document that amends or repeals this one)',
        mainField: TITLE,
      },
      summary: { label: '摘要' },
      body: { label: '正文' },
      attachments: { label: '附件' },
      reprintedFrom: {
        label: '来源机构',
        description:
          '转载的文件注明来源机构并链接原文 (a reprint names the issuing office and links to the original)',
      },
      reprintedFromUrl: {
        label: '原文链接',
        description: '以 http:// 或 https:// 开头 (an http(s) address)',
      },
      implements: { label: '贯彻落实的文件', mainField: TITLE },
      implementedBy: { label: '落实本文件的文件', mainField: TITLE },
      interpretations: { label: '政策解读', mainField: TITLE },
      urgent: { label: '重要紧急' },
      mustSyndicate: {
        label: '必须转载',
        description: '推送给所有订阅方，供下级门户转载 (sent to every subscriber to reprint)',
      },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.interpretation]: {
    mainField: TITLE,
    list: ['title', 'sourceDocument', 'form', 'interpreter', 'updatedAt'],
    sort: { by: 'updatedAt', order: 'DESC' },
    fields: {
      title: { label: '标题' },
      sourceDocument: {
        label: '解读的文件',
        description:
          '必填；与文件同步发布，不早于文件发布 (required; published with its document, never before it)',
        mainField: TITLE,
      },
      form: { label: '解读形式' },
      interpreter: {
        label: '解读机构',
        description:
          '默认为文件的起草部门，其次发布机构（谁起草、谁解读）(defaults to the drafting department, else the issuer)',
        mainField: ORGANIZATION_NAME,
      },
      background: { label: '出台背景' },
      objectives: { label: '目标任务' },
      mainContent: { label: '主要内容' },
      scope: { label: '适用范围' },
      criteria: { label: '执行标准' },
      notes: { label: '注意事项' },
      keywords: { label: '关键词诠释' },
      benefits: { label: '惠民利民举措' },
      changes: { label: '新旧政策差异' },
      questions: { label: '政策问答' },
      media: {
        label: '图解与音视频',
        description: '图片须填写替代文字方可发布（无障碍）(images need alternative text)',
      },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.consultation]: {
    mainField: TITLE,
    list: ['title', 'organization', 'startDate', 'endDate', 'relatedDocument'],
    sort: { by: 'startDate', order: 'DESC' },
    fields: {
      title: { label: '标题' },
      summary: { label: '征集说明' },
      basis: { label: '起草依据' },
      draftBody: { label: '草案全文' },
      draftAttachments: { label: '草案附件' },
      organization: { label: '征集机构', mainField: ORGANIZATION_NAME },
      startDate: { label: '开始日期' },
      endDate: {
        label: '截止日期',
        description:
          '征集期不少于30日，首尾两日都计入 (at least 30 days, both ends counted, unless a reason is given)',
      },
      shortPeriodReason: { label: '征集期不足30日的理由' },
      channels: { label: '意见反馈渠道' },
      result: {
        label: '采纳情况',
        description:
          '征集结束后1个月内公开；收到和采纳的条数由意见记录统计 (published within a month of the end; counted from the feedback)',
      },
      relatedDocument: { label: '相关文件', mainField: TITLE },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.consultationFeedback]: {
    mainField: 'content',
    list: ['content', 'consultation', 'submittedAt', 'decision'],
    sort: { by: 'submittedAt', order: 'DESC' },
    fields: {
      consultation: { label: '意见征集', mainField: TITLE },
      content: { label: '意见内容' },
      submitterName: {
        label: '提交人',
        description: '个人信息，任何接口都不公开 (personal data, never public)',
      },
      submitterContact: {
        label: '联系方式',
        description: '个人信息，任何接口都不公开 (personal data, never public)',
      },
      submittedAt: { label: '提交时间' },
      decision: {
        label: '是否采纳',
        description:
          '公开采纳情况前，每条意见都须标明是否采纳 (every opinion is decided before the result is published)',
      },
      reply: { label: '答复' },
    },
  },

  [CONTENT_TYPES.pressRelease]: {
    mainField: TITLE,
    list: ['title', 'kind', 'organization', 'heldAt'],
    sort: { by: 'heldAt', order: 'DESC' },
    fields: {
      title: { label: '标题' },
      kind: { label: '发布形式' },
      organization: { label: '发布机构', mainField: ORGANIZATION_NAME },
      heldAt: {
        label: '发布时间',
        description:
          '信息形成之日起5个工作日内公开，重要紧急的当日公开 (published within 5 working days; urgent ones the same day)',
      },
      urgent: { label: '重要紧急', description: '当日公开 (published the same day)' },
      speakers: { label: '发布人' },
      body: { label: '正文' },
      transcript: { label: '文字实录' },
      media: {
        label: '图片与音视频',
        description: '图片须填写替代文字方可发布（无障碍）(images need alternative text)',
      },
      relatedDocuments: { label: '相关文件', mainField: TITLE },
      relatedInterpretations: { label: '相关解读', mainField: TITLE },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.publicConcern]: {
    mainField: 'topic',
    list: ['topic', 'severity', 'organization', 'detectedAt', 'pressConferenceAt'],
    sort: { by: 'detectedAt', order: 'DESC' },
    fields: {
      topic: { label: '关切事项' },
      summary: { label: '舆情概要' },
      response: { label: '回应内容' },
      detectedAt: {
        label: '发现时间',
        description:
          '一般舆情48小时内回应，重大突发事件5小时内发布权威信息 (general: answered within 48 hours; major emergencies: 5 hours)',
      },
      severity: { label: '舆情级别' },
      organization: { label: '回应机构', mainField: ORGANIZATION_NAME },
      pressConferenceAt: {
        label: '新闻发布会时间',
        description:
          '重大突发事件24小时内举行新闻发布会 (major emergencies: a press conference within 24 hours)',
      },
      pressReleases: { label: '回应的新闻发布', mainField: TITLE },
      documents: { label: '回应的文件', mainField: TITLE },
      interpretations: { label: '回应的解读', mainField: TITLE },
      internalNotes: {
        label: '内部备注',
        description: '仅管理后台可见，任何接口都不返回 (admin only, never in an API response)',
      },
    },
  },

  [CONTENT_TYPES.publicAnswer]: {
    mainField: 'subject',
    list: ['subject', 'kind', 'organization', 'askedOn', 'repliedOn'],
    sort: { by: 'repliedOn', order: 'DESC' },
    fields: {
      subject: { label: '问题标题' },
      question: {
        label: '来信内容',
        description:
          "经来信人同意公开；须删除姓名、电话、地址等个人信息 (published with the writer's consent; names, numbers and addresses removed)",
      },
      reply: { label: '答复内容' },
      kind: { label: '留言类型' },
      organization: { label: '答复机构', mainField: ORGANIZATION_NAME },
      askedOn: { label: '来信日期' },
      repliedOn: { label: '答复日期' },
      sourceMessage: {
        label: '来信记录',
        description:
          '由“发布为公众问答”填写，任何接口都不返回 (set when created from the message; never in an API response)',
      },
      personalDataRemovedBy: {
        label: '个人信息删除确认人',
        description:
          '由“发布为公众问答”记录，确认后方可发布；任何接口都不返回 (recorded on the message page; publishing needs it; never in an API response)',
      },
      personalDataRemovedAt: { label: '个人信息删除确认时间' },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.annualReport]: {
    mainField: TITLE,
    list: ['title', 'organization', 'year', 'half', 'publishedOn'],
    sort: { by: 'year', order: 'DESC' },
    fields: {
      title: {
        label: '标题',
        description: '如：某某局2026年政府信息公开工作年度报告 (e.g. the office and the year)',
      },
      organization: { label: '报告机构', mainField: ORGANIZATION_NAME },
      year: {
        label: '年度',
        description:
          '部门1月31日前、县级以上政府3月31日前公布上一年度报告 (published by 31 January for a department, 31 March for a government)',
      },
      half: {
        label: '半年',
        description:
          '1 上半年、2 下半年（半年统计）；留空为年度报告 (1 or 2 for the half-year statistics; empty for the annual report)',
      },
      overview: {
        label: '一、总体情况',
        description:
          '新建时按系统记录预填，可修改 (pre-filled from the records when created; editable)',
      },
      problems: { label: '五、存在的主要问题及改进情况' },
      otherMatters: {
        label: '六、其他需要报告的事项',
        description:
          '新建时预填收取信息处理费情况，可修改 (pre-filled with the fees collected; editable)',
      },
      tables: {
        label: '统计表（二、三、四）',
        description:
          '发布时由系统统计生成并核对，不合计的不能发布 (computed and checked on publication; tables that do not add up are refused)',
      },
      publishedOn: { label: '公布日期', description: '发布时自动填写 (set on publication)' },
      confidentialityReview: REVIEW,
    },
  },

  [CONTENT_TYPES.organization]: {
    mainField: ORGANIZATION_NAME,
    list: ['name', 'code', 'level', 'parent', 'regionCode'],
    sort: { by: 'code', order: 'ASC' },
    fields: {
      name: { label: '机构名称' },
      shortName: { label: '简称' },
      code: {
        label: '机构代码',
        description: '唯一；索引号以它开头 (unique; index numbers start with it)',
      },
      level: { label: '机构层级' },
      parent: { label: '上级机构', mainField: ORGANIZATION_NAME },
      children: { label: '下级机构', mainField: ORGANIZATION_NAME },
      regionCode: { label: '行政区划代码', description: '6位数字 (6 digits)' },
      portalUrl: { label: '门户网站' },
      livelihoodRelated: {
        label: '民生相关部门',
        description: '每季度至少举行一次新闻发布会 (holds at least one press conference a quarter)',
      },
    },
  },

  [CALENDAR_DAY_UID]: {
    mainField: 'date',
    list: ['date', 'kind', 'name'],
    sort: { by: 'date', order: 'DESC' },
    fields: {
      date: { label: '日期', description: '每个日期只录入一次 (one entry per date)' },
      kind: {
        label: '类型',
        description:
          '放假日或调休上班日，优先于国务院公布的安排 (a holiday or a make-up working day; wins over the State Council schedule)',
      },
      name: { label: '名称' },
    },
  },

  [CONVERSION_TERM_UID]: {
    mainField: 'simplified',
    list: ['simplified', 'traditional', 'kind', 'note'],
    sort: { by: 'simplified', order: 'ASC' },
    fields: {
      kind: {
        label: '类型',
        description:
          '词组对照或保护词（人名、地名等不转换）(a phrase pair, or a protected term left as written)',
      },
      simplified: { label: '简体' },
      traditional: {
        label: '繁体',
        description: '词组对照必填，保护词留空 (required for a phrase pair)',
      },
      note: { label: '备注' },
    },
  },

  [LEGAL_CHALLENGE_UID]: {
    mainField: 'caseNumber',
    list: ['caseNumber', 'organization', 'kind', 'filedOn', 'result', 'decidedOn'],
    sort: { by: 'filedOn', order: 'DESC' },
    fields: {
      organization: {
        label: '被申请人（被告）机构',
        description: '年度报告表四计入本机构 (counted in this organization’s table 4)',
        mainField: ORGANIZATION_NAME,
      },
      caseNumber: { label: '案号' },
      kind: { label: '类别' },
      filedOn: { label: '受理（立案）日期' },
      result: {
        label: '结果',
        description:
          '审结前为“尚未审结”；审结日期在统计期内的按结果计入表四 (pending until decided; counted by result when decided in the period)',
      },
      decidedOn: { label: '审结日期' },
      note: { label: '备注' },
    },
  },

  [REPORT_FIGURE_UID]: {
    list: ['organization', 'year', 'half', 'kind', 'value'],
    sort: { by: 'year', order: 'DESC' },
    fields: {
      organization: { label: '机构', mainField: ORGANIZATION_NAME },
      year: { label: '年度' },
      half: {
        label: '半年',
        description:
          '半年统计填 1（上半年）或 2（下半年）；全年数字留空 (1 or 2 for a half-year figure; empty for the year)',
      },
      kind: { label: '项目' },
      value: {
        label: '数值',
        description:
          '决定数填件数，收费填万元；录入后取代目录统计 (decisions as a count, fees in 万元; replaces the catalogue’s count)',
      },
      note: { label: '备注' },
    },
  },

  [EDITOR_ORGANIZATION_UID]: {
    list: ['user', 'organization', 'updatedAt'],
    sort: { by: 'updatedAt', order: 'DESC' },
    fields: {
      user: { label: '管理员账号', mainField: 'email' },
      organization: {
        label: '所属机构',
        description:
          '编辑只能处理本机构（按角色设置，或本机构及下级机构）的内容 (the account works on this organization’s items)',
        mainField: ORGANIZATION_NAME,
      },
    },
  },

  [COMPONENTS.confidentialityReview]: {
    fields: {
      reviewer: { label: '审核人' },
      reviewedAt: { label: '审查时间' },
      conclusion: { label: '审查结论' },
      note: { label: '审查意见' },
    },
  },

  [COMPONENTS.qaItem]: {
    mainField: 'question',
    fields: {
      question: { label: '问题' },
      answer: { label: '回答' },
    },
  },

  [COMPONENTS.consultationChannel]: {
    mainField: 'address',
    fields: {
      kind: { label: '渠道' },
      address: {
        label: '地址',
        description: '网址、邮箱、通信地址或电话 (address, e-mail or number)',
      },
      note: { label: '备注' },
    },
  },

  [COMPONENTS.consultationResult]: {
    fields: {
      summary: { label: '采纳情况说明' },
      receivedCount: {
        label: '收到意见数',
        description: '公开时按意见记录统计 (counted from the feedback when published)',
      },
      adoptedCount: {
        label: '采纳意见数',
        description: '公开时按意见记录统计 (counted from the feedback when published)',
      },
      notAdoptedReasons: {
        label: '未采纳理由',
        description:
          '同一意见多人提出而未采纳的（集中意见），须说明理由 (required for an opinion from several people that was not adopted)',
      },
      resultPublishedAt: {
        label: '结果公开时间',
        description:
          '填写即公开采纳情况，须每条意见都已标明是否采纳 (setting it publishes the result; every opinion must be decided)',
      },
    },
  },

  [COMPONENTS.pressSpeaker]: {
    mainField: 'name',
    fields: {
      name: { label: '姓名', description: '不做繁体转换 (never converted to Traditional)' },
      position: { label: '职务' },
    },
  },
};
