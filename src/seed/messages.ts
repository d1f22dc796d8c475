import type { Core } from '@strapi/strapi';
import {
  CONTENT_TYPES,
  MAILBOX_UID,
  MESSAGE_UID,
  SOURCE_LOCALE,
} from '../plugins/disclosure/shared/constants';
import type {
  MessageAction,
  MessageActionBodies,
  MessageKind,
} from '../plugins/disclosure/shared/contracts/mailbox';
import {
  ACTION_BODIES,
  intakeBody,
  publicAnswerBody,
} from '../plugins/disclosure/server/src/mailbox/validation/messages';
import { systemActor } from '../plugins/disclosure/server/src/on-request/services/applications';
import { getService } from '../plugins/disclosure/server/src/utils/get-service';
import { validate } from '../plugins/disclosure/server/src/utils/validation';
import { demoDays, onDay } from './applications';

/**
 * 意见箱 and 领导信箱 demo: two leaders' mailboxes, and messages across the demo organizations in each
 * state a message takes (received, overdue for acceptance, accepted, routed to 信访, assigned, a reply
 * waiting for approval, sent and rated). Each message is entered through the messages service as the
 * system on its own working day, its steps under the demo staff's names, so numbers, due dates,
 * steps and deadline records are what the office's own actions would have made. A mailbox is found by
 * its organization and title, a message by its subject (each ends in （演示）): a second run adds nothing.
 */

const STAFF = {
  manager: '李信箱（演示）',
  handler: '王承办（演示）',
  leader: '赵审批（演示）',
} as const;
type Staff = keyof typeof STAFF;

/** The leaders' mailboxes: organization code and the leader's title. */
const MAILBOXES = [
  { organization: '370100000', leaderTitle: '市长信箱（演示）' },
  { organization: '370124000', leaderTitle: '县长信箱（演示）' },
] as const;

interface DemoStep {
  action: MessageAction;
  daysAgo: number;
  by: Staff;
  body: MessageActionBodies[MessageAction];
}

interface DemoMessage {
  organization: string;
  /** The leader's mailbox (its title), else the office's 意见箱 */
  mailbox?: string;
  kind: MessageKind;
  subject: string;
  content: string;
  name: string;
  contact: string;
  consentToPublish: boolean;
  arrivedDaysAgo: number;
  steps: DemoStep[];
  rating?: boolean;
}

const step = <A extends MessageAction>(
  action: A,
  daysAgo: number,
  by: Staff,
  body: MessageActionBodies[A]
): DemoStep => ({ action, daysAgo, by, body });

const DEMO_MESSAGES: DemoMessage[] = [
  // Just arrived in the office's 意见箱.
  {
    organization: '370100001',
    kind: 'suggestion',
    subject: '建议在政府网站增加政策文件的图解版本（演示）',
    content: '很多政策文件篇幅较长，建议配发图解或一图读懂，方便群众理解。',
    name: '刘一（演示）',
    contact: '13800010001',
    consentToPublish: true,
    arrivedDaysAgo: 0,
    steps: [],
  },
  // Received five working days ago and not yet accepted: past its acceptance date.
  {
    organization: '370124001',
    kind: 'help',
    subject: '咨询农村危房改造补助的申请渠道（演示）',
    content: '我家房屋年久失修，想了解危房改造补助向哪个部门申请、需要准备哪些材料。',
    name: '陈二（演示）',
    contact: '13800010002',
    consentToPublish: false,
    arrivedDaysAgo: 5,
    steps: [],
  },
  // To the mayor's mailbox, accepted.
  {
    organization: '370100000',
    mailbox: '市长信箱（演示）',
    kind: 'suggestion',
    subject: '建议延长市图书馆周末开放时间（演示）',
    content: '市图书馆周末下午五点闭馆，建议延长至晚上九点，方便上班族阅读。',
    name: '张三（演示）',
    contact: 'zhangsan@example.com',
    consentToPublish: true,
    arrivedDaysAgo: 2,
    steps: [step('accept', 1, 'manager', {})],
  },
  // A complaint: routed to the petition channel (信访), where the writer is told to go.
  {
    organization: '440800001',
    kind: 'complaint',
    subject: '投诉小区物业乱收费（演示）',
    content: '小区物业公司今年起加收电梯维护费，未经业主大会同意，请政府查处。',
    name: '黄四（演示）',
    contact: '13800010004',
    consentToPublish: false,
    arrivedDaysAgo: 4,
    steps: [
      step('route', 3, 'manager', {
        routedTo: '湛江市信访局（信访渠道），或拨打12345政务服务便民热线',
        reason: '投诉举报事项依照《信访工作条例》由信访渠道办理，不在意见箱答复。',
      }),
    ],
  },
  // Accepted and assigned to the responsible office.
  {
    organization: '370000001',
    kind: 'question',
    subject: '省政府信息公开年报何时发布（演示）',
    content: '请问2025年度政府信息公开工作年度报告预计什么时候在网站上发布？',
    name: '赵五（演示）',
    contact: '13800010005',
    consentToPublish: true,
    arrivedDaysAgo: 6,
    steps: [
      step('accept', 5, 'manager', {}),
      step('assign', 5, 'manager', { responsibleOffice: '政务公开办公室' }),
    ],
  },
  // To the county head's mailbox: a reply drafted, waiting for the leader's approval.
  {
    organization: '370124000',
    mailbox: '县长信箱（演示）',
    kind: 'suggestion',
    subject: '建议在县城增设公共充电桩（演示）',
    content: '县城新能源汽车越来越多，但公共充电桩很少，建议在主要停车场增设。',
    name: '孙六（演示）',
    contact: '13800010006',
    consentToPublish: true,
    arrivedDaysAgo: 9,
    steps: [
      step('accept', 8, 'manager', {}),
      step('assign', 8, 'manager', { responsibleOffice: '县发展和改革局' }),
      step('draft-reply', 2, 'handler', {
        text: '感谢您的建议。县发展和改革局已将公共充电设施建设纳入年度计划，将在县城主要公共停车场分批建设。',
      }),
    ],
  },
  // Answered and sent; the writer rated the reply.
  {
    organization: '370100002',
    kind: 'question',
    subject: '政务服务大厅午间是否办理业务（演示）',
    content: '请问市政务服务大厅中午十二点到一点是否可以办理业务？',
    name: '周七（演示）',
    contact: '13800010007',
    consentToPublish: true,
    arrivedDaysAgo: 12,
    steps: [
      step('accept', 11, 'manager', {}),
      step('assign', 11, 'manager', { responsibleOffice: '政务服务大厅管理处' }),
      step('draft-reply', 8, 'handler', {
        text: '您好！市政务服务大厅实行午间不间断服务，工作日中午十二点至一点可正常办理业务。',
      }),
      step('approve', 7, 'leader', {}),
      step('send', 7, 'manager', {}),
    ],
    rating: true,
  },
  // Assigned 18 working days ago and still unanswered: past its reply date.
  {
    organization: '211100001',
    kind: 'help',
    subject: '求助办理灵活就业社保补贴（演示）',
    content: '本人为灵活就业人员，想申请社会保险补贴，请问需要什么条件和材料？',
    name: '吴八（演示）',
    contact: '13800010008',
    consentToPublish: false,
    arrivedDaysAgo: 18,
    steps: [
      step('accept', 17, 'manager', {}),
      step('assign', 16, 'manager', { responsibleOffice: '市人力资源和社会保障局' }),
    ],
  },
];

/**
 * 公众问答: the sent, consented message published as an answer, its text edited by the office (the
 * writer's name gone), confirmed by the leader, reviewed and published as any demo item.
 */
const DEMO_ANSWERS = [
  {
    message: '政务服务大厅午间是否办理业务（演示）',
    daysAgo: 6,
    subject: '政务服务大厅午间是否办理业务（演示）',
    question: '群众来信询问：市政务服务大厅中午十二点到一点是否可以办理业务？',
    reply: '您好！市政务服务大厅实行午间不间断服务，工作日中午十二点至一点可正常办理业务。',
  },
] as const;

/**
 * Creates the demo mailboxes and messages that do not exist yet; returns how many of each it created.
 * `today` is the Beijing date of seeding.
 */
export async function seedDemoMessages(
  strapi: Core.Strapi,
  today: string
): Promise<{ mailboxes: number; messages: number; answers: number }> {
  const days = await demoDays(strapi, today);
  const service = getService(strapi, 'messages');
  const organizationId = async (code: string) =>
    (
      (await strapi.db.query(CONTENT_TYPES.organization).findOne({
        where: { code, locale: SOURCE_LOCALE },
        select: ['id'],
      })) as { id: number } | null
    )?.id ?? null;

  let mailboxes = 0;
  const mailboxIds = new Map<string, string>();
  for (const demo of MAILBOXES) {
    const organization = await organizationId(demo.organization);
    if (organization === null) continue;
    const existing = (await strapi.db.query(MAILBOX_UID).findOne({
      where: { leaderTitle: demo.leaderTitle, organization: { id: organization } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    const row =
      existing ??
      ((await strapi.db.query(MAILBOX_UID).create({
        data: { organization, leaderTitle: demo.leaderTitle, active: true },
      })) as { documentId: string });
    if (!existing) mailboxes += 1;
    mailboxIds.set(demo.leaderTitle, row.documentId);
  }

  let messages = 0;
  for (const demo of DEMO_MESSAGES) {
    const existing = await strapi.db
      .query(MESSAGE_UID)
      .findOne({ where: { subject: demo.subject }, select: ['id'] });
    if (existing) continue;
    // Through the same validation as the public form.
    const { data } = validate(intakeBody, {
      data: {
        organization: demo.organization,
        mailbox: demo.mailbox ? mailboxIds.get(demo.mailbox) : undefined,
        kind: demo.kind,
        subject: demo.subject,
        content: demo.content,
        name: demo.name,
        contact: demo.contact,
        consentToPublish: demo.consentToPublish,
      },
    });
    const arrived = days.ago(demo.arrivedDaysAgo);
    const intake = await service.intake(data, systemActor({ at: onDay(arrived, -60) }));
    const row = (await strapi.db
      .query(MESSAGE_UID)
      .findOne({ where: { number: intake.number }, select: ['documentId'] })) as {
      documentId: string;
    };
    for (const [index, demoStep] of demo.steps.entries()) {
      const body = validate(ACTION_BODIES[demoStep.action], { data: demoStep.body })
        .data as MessageActionBodies[typeof demoStep.action];
      await service.act(
        row.documentId,
        demoStep.action,
        body,
        systemActor({
          name: STAFF[demoStep.by],
          at: onDay(days.ago(demoStep.daysAgo), 30 * (index + 1)),
        })
      );
    }
    if (demo.rating !== undefined) await service.rate(intake.number, intake.code, demo.rating);
    messages += 1;
  }

  let answers = 0;
  for (const demo of DEMO_ANSWERS) {
    const message = (await strapi.db
      .query(MESSAGE_UID)
      .findOne({ where: { subject: demo.message }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    if (!message) continue;
    if (
      await strapi.db
        .query(CONTENT_TYPES.publicAnswer)
        .count({ where: { sourceMessage: message.documentId } })
    )
      continue;
    const at = onDay(days.ago(demo.daysAgo), 240);
    const { data } = validate(publicAnswerBody, {
      data: {
        subject: demo.subject,
        question: demo.question,
        reply: demo.reply,
        personalDataRemoved: true,
      },
    });
    const detail = await service.publishAnswer(
      message.documentId,
      data,
      systemActor({ name: STAFF.leader, at })
    );
    if (!detail.publicAnswer) continue;
    const { documentId } = detail.publicAnswer;
    const documents = strapi.documents(CONTENT_TYPES.publicAnswer);
    await documents.update({
      documentId,
      locale: SOURCE_LOCALE,
      data: {
        confidentialityReview: {
          reviewer: '保密审查员（演示）',
          reviewedAt: at.toISOString(),
          conclusion: 'approved',
        },
      },
    });
    await documents.publish({ documentId, locale: SOURCE_LOCALE });
    answers += 1;
  }
  return { mailboxes, messages, answers };
}
