import fs from 'fs';
import path from 'path';
import type { Core, Modules, UID } from '@strapi/strapi';
import {
  addCalendarDays,
  beijingDate,
} from '../plugins/disclosure/server/src/calendar/rules/beijing-time';
import {
  genreOfTitle,
  parseOfficialDocument,
  type ParsedOfficialDocument,
} from '../plugins/disclosure/server/src/catalogue/rules/official-document';
import type { DocumentsOfType } from '../plugins/disclosure/server/src/utils/documents';
import { seedDemoApplications } from './applications';
import { seedDemoMessages } from './messages';
import { DEMO_ORGANIZATIONS } from './organizations';
import { seedDemoReports } from './reports';

const ORG = 'api::organization.organization';
const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const CONSULTATION = 'api::consultation.consultation';
const FEEDBACK = 'api::consultation-feedback.consultation-feedback';
const PRESS = 'api::press-release.press-release';

/**
 * The document service for the demo's writes, with loose parameters: Strapi's input types leave no
 * room for null (an empty field) nor for the blocks built here (the plugin's typed wrapper, as a type).
 */
const documentsOf = <Document = Modules.Documents.AnyDocument>(
  strapi: Core.Strapi,
  uid: UID.ContentType
) => strapi.documents(uid) as unknown as DocumentsOfType<Document>;

type Blocks = Array<Record<string, unknown>>;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string) => ({
  type: 'heading',
  level: 2,
  children: [{ type: 'text', text }],
});
const HEADING = /^[一二三四五六七八九十]+、/;
const toBlocks = (paragraphs: string[]): Blocks =>
  paragraphs.map((text) => (HEADING.test(text) ? heading(text) : paragraph(text)));

interface DemoDocument {
  /** Natural key: the 文号, or the title when a document has none */
  key: { documentNumber?: string; title?: string };
  issuer: string;
  drafting?: string;
  category: 'decision' | 'execution' | 'management' | 'service' | 'result';
  topic: string;
  isNormative?: boolean;
  mustSyndicate?: boolean;
  implements?: string[];
  parsed?: ParsedOfficialDocument;
  title?: string;
  summary: string;
}

/** Fixture texts are read from the source tree: the build does not copy text files into dist. */
type Reader = (file: string) => ParsedOfficialDocument;
const fixtureReader =
  (appRoot: string): Reader =>
  (file) =>
    parseOfficialDocument(
      fs.readFileSync(path.join(appRoot, 'src', 'seed', 'fixtures', file), 'utf8')
    );

interface Fixtures {
  shandong: ParsedOfficialDocument;
  panjin: ParsedOfficialDocument;
  liaoning: ParsedOfficialDocument;
  zhanjiang: ParsedOfficialDocument;
  cityOffice: ParsedOfficialDocument;
}

function readFixtures(read: Reader): Fixtures {
  const panjin = read('liaoning-panjin-2014-disclosure-opinions.txt');
  return {
    shandong: read('shandong-2014-disclosure-plan.txt'),
    panjin,
    liaoning: parseOfficialDocument(panjin.forwarded ?? ''),
    zhanjiang: read('zhanjiang-2015-disclosure-workplan.txt'),
    cityOffice: read('city-affairs-office-2024-disclosure-mechanism.txt'),
  };
}

function demoDocuments({
  shandong,
  panjin,
  liaoning,
  zhanjiang,
  cityOffice,
}: Fixtures): DemoDocument[] {
  return [
    // Cited higher documents: catalogue entries with their metadata, text not held here.
    {
      key: { documentNumber: '国办发〔2013〕100号' },
      title: '国务院办公厅关于进一步加强政府信息公开回应社会关切提升政府公信力的意见',
      issuer: '000014349',
      category: 'decision',
      topic: '政务公开',
      mustSyndicate: true,
      summary: '国务院办公厅就进一步加强政府信息公开、回应社会关切、提升政府公信力提出的意见。',
    },
    {
      key: { documentNumber: '粤办函〔2015〕248号' },
      title:
        '广东省人民政府办公厅关于印发广东省贯彻落实国务院办公厅2015年政府信息公开工作要点分工方案的通知',
      issuer: '440000001',
      category: 'execution',
      topic: '政务公开',
      summary: '广东省贯彻落实国务院办公厅2015年政府信息公开工作要点的分工方案。',
    },
    {
      key: { documentNumber: liaoning.documentNumber ?? undefined },
      parsed: liaoning,
      issuer: '210000001',
      category: 'decision',
      topic: '政务公开',
      mustSyndicate: true,
      implements: liaoning.cites,
      summary: '建立主动发布、舆情回应、平台建设和保障机制，进一步加强政府信息公开回应社会关切。',
    },
    {
      key: { title: panjin.title },
      parsed: panjin,
      issuer: '211100001',
      category: 'execution',
      topic: '政务公开',
      implements: panjin.cites,
      summary: '盘锦市转发辽宁省人民政府办公厅实施意见，要求各县区和市政府各部门认真贯彻落实。',
    },
    {
      key: { documentNumber: shandong.documentNumber ?? undefined },
      parsed: shandong,
      issuer: '370000001',
      drafting: '370000001',
      category: 'decision',
      topic: '政务公开',
      isNormative: true,
      mustSyndicate: true,
      implements: shandong.cites,
      summary:
        '搭建平台、拓宽渠道，建立例行新闻发布、政策解读和舆情回应制度，全面加强全省政府信息公开工作。',
    },
    {
      key: { title: zhanjiang.title },
      parsed: zhanjiang,
      issuer: '440800001',
      category: 'execution',
      topic: '政务公开',
      implements: zhanjiang.cites,
      summary: '2015年湛江市全面推进政务公开、推进重点领域信息公开、加强平台和制度建设的工作要点。',
    },
    {
      key: { title: cityOffice.title },
      parsed: cityOffice,
      issuer: '370100002',
      drafting: '370100002',
      category: 'management',
      topic: '政务公开',
      summary: '明确主动公开、政策解读、意见征集、舆情回应等环节的责任处室、时限和保密审查要求。',
    },
  ];
}

/** An approved review: the demo catalogue has passed 保密审查 like any published item. */
const review = (date?: string | null) => ({
  reviewer: '保密审查员（演示）',
  reviewedAt: `${date ?? '2024-01-02'}T01:00:00.000Z`,
  conclusion: 'approved',
  note: '经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。',
});

export interface SeedReport {
  created: Record<string, number>;
}

/**
 * Builds the demo catalogue. Every record is found by its natural key first, so running it again adds
 * nothing; `today` (a Beijing date) places the open consultation around the day of seeding.
 */
export async function seedDemoContent(
  strapi: Core.Strapi,
  today = beijingDate(new Date())
): Promise<SeedReport> {
  const fixtures = readFixtures(fixtureReader(strapi.dirs.app.root));
  const { shandong, zhanjiang, cityOffice } = fixtures;
  const created: Record<string, number> = {};
  const count = (uid: string) => (created[uid] = (created[uid] ?? 0) + 1);

  const createdNow = new Set<string>();
  const findOrCreate = async (
    uid: string,
    where: Record<string, unknown>,
    create: () => Promise<{ documentId: string }>
  ): Promise<string> => {
    const existing: { documentId: string } | null = await strapi.db
      .query(uid)
      .findOne({ where, select: ['documentId'] });
    if (existing) return existing.documentId;
    const entry = await create();
    count(uid);
    createdNow.add(entry.documentId);
    return entry.documentId;
  };

  // Organizations, parents first.
  const organizations = new Map<string, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const documentId = await findOrCreate(ORG, { code: org.code }, () =>
      documentsOf(strapi, ORG).create({
        data: {
          name: org.name,
          shortName: org.shortName,
          code: org.code,
          level: org.level,
          regionCode: org.regionCode,
          portalUrl: org.portalUrl,
          parent: org.parent ? organizations.get(org.parent) : undefined,
        },
      })
    );
    organizations.set(org.code, documentId);
  }
  const org = (code: string) => organizations.get(code) as string;

  // Catalogue documents as drafts, cited documents first so `implements` can point at them; they are
  // published after their interpretations exist, which go out with them (同步发布).
  const documents = new Map<string, string>();
  for (const demo of demoDocuments(fixtures)) {
    const parsed = demo.parsed;
    const title = demo.title ?? parsed?.title ?? '';
    const where = demo.key.documentNumber ? { documentNumber: demo.key.documentNumber } : { title };
    const documentId = await findOrCreate(DOC, where, () =>
      documentsOf(strapi, DOC).create({
        data: {
          title,
          documentNumber: demo.key.documentNumber ?? null,
          issuingOrganization: org(demo.issuer),
          draftingDepartment: org(demo.drafting ?? demo.issuer),
          writtenDate: parsed?.writtenDate ?? null,
          issueDate: parsed?.issueDate ?? parsed?.writtenDate ?? null,
          category: demo.category,
          topic: demo.topic,
          genre: genreOfTitle(title),
          disclosureAttribute: 'proactive',
          isNormative: demo.isNormative ?? false,
          validity: 'effective',
          summary: demo.summary,
          body: parsed ? toBlocks(parsed.paragraphs) : [paragraph(demo.summary)],
          implements: (demo.implements ?? [])
            .map((number) => documents.get(number))
            .filter(Boolean),
          mustSyndicate: demo.mustSyndicate ?? false,
          confidentialityReview: review(parsed?.writtenDate),
        },
      })
    );
    documents.set(demo.key.documentNumber ?? title, documentId);
  }
  const shandongPlan = documents.get('鲁政办发〔2014〕8号') as string;

  // Interpretations, tied to their documents (谁起草、谁解读).
  const shandongInterpretation = '《关于进一步加强政府信息公开工作实施方案》解读';
  await findOrCreate(INTERPRETATION, { title: shandongInterpretation }, () =>
    documentsOf(strapi, INTERPRETATION).create({
      data: {
        confidentialityReview: review(shandong.writtenDate),
        title: shandongInterpretation,
        sourceDocument: shandongPlan,
        form: 'text',
        background: [
          paragraph(
            shandong.paragraphs.find((p) => p.startsWith('为贯彻落实')) ?? shandong.paragraphs[1]
          ),
        ],
        mainContent: shandong.headings.map(paragraph),
        scope: [paragraph('适用于全省各级人民政府及其部门的政府信息公开工作。')],
      },
    })
  );
  const zhanjiangInterpretation = '图解：2015年湛江市政府信息公开工作要点';
  await findOrCreate(INTERPRETATION, { title: zhanjiangInterpretation }, () =>
    documentsOf(strapi, INTERPRETATION).create({
      data: {
        confidentialityReview: review(zhanjiang.writtenDate),
        title: zhanjiangInterpretation,
        sourceDocument: documents.get(zhanjiang.title),
        form: 'qa',
        questions: [
          {
            question: '2015年湛江市政府信息公开工作的总体要求是什么？',
            answer: [
              paragraph(
                zhanjiang.paragraphs.find((p) => p.startsWith('2015年,全市')) ??
                  zhanjiang.paragraphs[1]
              ),
            ],
          },
          { question: '工作要点包括哪几个方面？', answer: zhanjiang.headings.map(paragraph) },
        ],
      },
    })
  );

  // Documents created now go out with their interpretations.
  for (const documentId of documents.values()) {
    if (createdNow.has(documentId)) await strapi.documents(DOC).publish({ documentId });
  }

  // A press conference on the Shandong plan.
  const pressTitle =
    '山东省政府新闻办就《关于进一步加强政府信息公开工作实施方案》举行新闻发布会（演示）';
  await findOrCreate(PRESS, { title: pressTitle }, () =>
    documentsOf(strapi, PRESS).create({
      status: 'published',
      data: {
        title: pressTitle,
        confidentialityReview: review('2014-02-26'),
        kind: 'press-conference',
        organization: org('370000002'),
        heldAt: '2014-02-27T02:00:00.000Z',
        speakers: [{ name: '新闻发言人（演示）', position: '山东省人民政府办公厅' }],
        body: shandong.headings.map(paragraph),
        relatedDocuments: [shandongPlan],
      },
    })
  );

  // Consultations: one open around the day of seeding, one closed with its results.
  const openTitle = '关于《平阴县政务公开工作规范（征求意见稿）》公开征求意见的公告（演示）';
  await findOrCreate(CONSULTATION, { title: openTitle }, () =>
    documentsOf(strapi, CONSULTATION).create({
      status: 'published',
      data: {
        title: openTitle,
        confidentialityReview: review(addCalendarDays(today, -4)),
        summary:
          '为落实政务公开工作要求，县政府办公室起草了《平阴县政务公开工作规范（征求意见稿）》，现向社会公开征求意见。',
        basis: [
          paragraph(
            '依据《山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知》（鲁政办发〔2014〕8号）。'
          ),
        ],
        draftBody: [paragraph('第一条 为规范本县政务公开工作，制定本规范。')],
        organization: org('370124001'),
        startDate: addCalendarDays(today, -3),
        endDate: addCalendarDays(today, 30),
        channels: [
          { kind: 'online', address: 'http://www.pingyin.gov.cn/zjyj', note: '网站在线留言' },
          { kind: 'email', address: 'zwgk@pingyin.example.gov.cn' },
          { kind: 'post', address: '平阴县人民政府办公室政务公开科（信封注明“意见征集”）' },
        ],
        relatedDocument: shandongPlan,
      },
    })
  );

  const closedTitle =
    '关于《市政务办政务公开工作落实机制（征求意见稿）》公开征求意见的公告（演示）';
  const closed = await findOrCreate(CONSULTATION, { title: closedTitle }, () =>
    documentsOf(strapi, CONSULTATION).create({
      status: 'published',
      data: {
        title: closedTitle,
        confidentialityReview: review('2024-07-30'),
        summary: '市政务办起草了政务公开工作落实机制，向区县、市级相关部门及社会公开征求意见。',
        draftBody: toBlocks(cityOffice.paragraphs.slice(0, 6)),
        organization: org('370100002'),
        startDate: '2024-08-01',
        endDate: '2024-08-31',
        channels: [{ kind: 'email', address: 'zwb@jinan.example.gov.cn' }],
        relatedDocument: documents.get(cityOffice.title),
      },
    })
  );
  const feedback = [
    {
      content: '建议明确“重要、紧急事项”的认定标准。',
      decision: 'adopted',
      reply: '已在机制中补充。',
    },
    {
      content: '建议政策解读增加图解形式。',
      decision: 'partly-adopted',
      reply: '已增加数字化、图表化方式。',
    },
    {
      content: '建议取消发布前的保密审查以提高效率。',
      decision: 'not-adopted',
      reply: '保密审查为法定程序。',
    },
  ];
  for (const [index, item] of feedback.entries()) {
    await findOrCreate(FEEDBACK, { content: item.content }, () =>
      documentsOf(strapi, FEEDBACK).create({
        data: {
          ...item,
          consultation: closed,
          submitterName: `市民${index + 1}（演示）`,
          submitterContact: `1380000000${index}`,
          submittedAt: `2024-08-${String(10 + index).padStart(2, '0')}T03:00:00.000Z`,
        },
      })
    );
  }
  // The result once every opinion is decided: its counts come from the feedback.
  const stored = await documentsOf<{ result?: unknown }>(strapi, CONSULTATION).findOne({
    documentId: closed,
    status: 'published',
    populate: { result: true },
  });
  if (!stored?.result) {
    await documentsOf(strapi, CONSULTATION).update({
      documentId: closed,
      status: 'published',
      data: {
        result: {
          summary: [
            paragraph(
              '征集期间共收到意见3条，采纳2条（含部分采纳1条）；未采纳意见已逐条说明理由。'
            ),
          ],
          notAdoptedReasons:
            '关于取消保密审查环节的意见：保密审查为法定程序（谁发布谁审查），不予采纳。',
          resultPublishedAt: '2024-09-20T02:00:00.000Z',
        },
      },
    });
  }

  // 依申请公开: demo cases in the organizations above, one for each path a case takes.
  const applications = await seedDemoApplications(strapi, today, { shandongPlan });
  if (applications) created['plugin::disclosure.disclosure-application'] = applications;

  // 意见箱 and 领导信箱: two leaders' mailboxes, messages in each state a message takes.
  const demoMessages = await seedDemoMessages(strapi, today);
  if (demoMessages.mailboxes) created['plugin::disclosure.mailbox'] = demoMessages.mailboxes;
  if (demoMessages.messages) created['plugin::disclosure.public-message'] = demoMessages.messages;
  if (demoMessages.answers) created['api::public-answer.public-answer'] = demoMessages.answers;

  // 统计与年度报告: last year's draft reports, the figures offices enter, challenges to two cases.
  Object.assign(created, await seedDemoReports(strapi, today));

  return { created };
}

const isEnabled = () => {
  const flag = process.env.SEED_DEMO;
  if (flag !== undefined) return flag === 'true';
  return (process.env.NODE_ENV ?? 'development') === 'development';
};

/** On the first start of an empty development database (or SEED_DEMO=true), build the demo catalogue. */
export async function seedDemoContentOnFirstRun(strapi: Core.Strapi): Promise<void> {
  if (!isEnabled()) return;
  const existing = await strapi.db.query(ORG).count();
  if (existing > 0) return;
  const { created } = await seedDemoContent(strapi);
  strapi.log.info(`Seeded the demo catalogue: ${JSON.stringify(created)}`);
}
