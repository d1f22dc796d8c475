import type { Core } from '@strapi/strapi';
import { APPLICATION_UID } from '../plugins/disclosure/shared/constants';
import type {
  ActionBodies,
  ApplicantType,
  ApplicationAction,
  ApplicationChannel,
  DeliveryForm,
} from '../plugins/disclosure/shared/contracts/on-request';
import { systemActor } from '../plugins/disclosure/server/src/on-request/services/applications';
import {
  ACTION_BODIES,
  registerBody,
} from '../plugins/disclosure/server/src/on-request/validation/applications';
import { getService } from '../plugins/disclosure/server/src/utils/get-service';
import { validate } from '../plugins/disclosure/server/src/utils/validation';

/**
 * 依申请公开 demo cases: one for each path a case takes, across the demo organizations, placed on
 * working days before the day of seeding so that their clocks read as a live register would (two due
 * within days, one overdue). Each case is entered through the applications service as the system
 * (its steps under the demo staff's names, on their own days), so it is what the office's own
 * actions would have made: numbers, clocks, deadline records, steps. A case is found by its
 * description (each ends in （演示）): a second run adds nothing.
 */

/** The demo office's staff, as the timeline names them. */
const STAFF = {
  registrar: '李登记（演示）',
  handler: '王承办（演示）',
  leader: '赵审批（演示）',
  head: '钱主任（演示）',
} as const;
type Staff = keyof typeof STAFF;

interface DemoApplicant {
  type: ApplicantType;
  name: string;
  idType: string;
  idNumber: string;
  /** 1380000xxxx */
  phone: string;
  email?: string;
  address: string;
}

/** One step: the action, the working day it was taken (n working days before today), by whom. */
interface DemoStep<A extends ApplicationAction = ApplicationAction> {
  action: A;
  daysAgo: number;
  by: Staff | null;
  body: (day: Days) => ActionBodies[A];
}

interface DemoCase {
  organization: string;
  applicant: DemoApplicant;
  description: string;
  documentNumber?: string;
  form: DeliveryForm;
  channel: ApplicationChannel;
  /** Working days before today that it arrived (and was registered) */
  arrivedDaysAgo: number;
  steps: DemoStep[];
}

/** Working-day arithmetic around the day of seeding. */
export interface Days {
  /** The nth working day before today */
  ago(n: number): string;
  /** The nth working day after `from` */
  after(from: string, n: number): string;
}

/** A fake but well-formed 居民身份证 number (GB 11643 check digit), born 2000-01-01 in Jinan's Lixia district. */
function demoIdNumber(sequence: number): string {
  const body = `37010220000101${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return body + '10X98765432'[sum % 11];
}

const person = (sequence: number, name: string, address: string): DemoApplicant => ({
  type: 'natural-person',
  name,
  idType: '居民身份证',
  idNumber: demoIdNumber(sequence),
  phone: `1380000${String(sequence).padStart(4, '0')}`,
  email: `applicant${sequence}@example.com`,
  address,
});

const organization = (
  sequence: number,
  type: ApplicantType,
  name: string,
  address: string
): DemoApplicant => ({
  type,
  name,
  idType: '统一社会信用代码',
  // Not a real code: the 0000 of the registration authority is no authority's.
  idNumber: `9137010000000000${String(sequence).padStart(2, '0')}`,
  phone: `1380000${String(sequence).padStart(4, '0')}`,
  address,
});

const step = <A extends ApplicationAction>(
  action: A,
  daysAgo: number,
  by: Staff | null,
  body: (day: Days) => ActionBodies[A]
): DemoStep => ({ action, daysAgo, by, body }) as unknown as DemoStep;

const BASIS = {
  public: '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
  partly: '《中华人民共和国政府信息公开条例》第三十七条',
  process: '《中华人民共和国政府信息公开条例》第十六条第二款',
  notHeld: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  petition: '《中华人民共和国政府信息公开条例》第三十九条第一款',
};

function demoCases(catalogue: { shandongPlan: string }): DemoCase[] {
  return [
    // Online, waiting for the office to confirm receipt (art. 31: received the day it is confirmed).
    {
      organization: '370100001',
      applicant: person(1, '张三（演示）', '济南市历下区演示路1号'),
      description: '请公开2025年度济南市老旧小区改造项目清单及各项目的投资额（演示）',
      form: 'electronic',
      channel: 'online',
      arrivedDaysAgo: 1,
      steps: [],
    },
    // Handed in at the counter, registered, not yet assigned.
    {
      organization: '370124001',
      applicant: person(2, '李四（演示）', '济南市平阴县演示街2号'),
      description: '请公开平阴县2025年农村公路养护资金的分配和使用情况（演示）',
      form: 'paper',
      channel: 'in-person',
      arrivedDaysAgo: 2,
      steps: [],
    },
    // By registered post; the request is unclear, a correction notice has gone out.
    {
      organization: '370100002',
      applicant: person(3, '王五（演示）', '济南市市中区演示巷3号'),
      description: '请公开关于我所在小区的那份文件（演示）',
      form: 'paper',
      channel: 'registered-post',
      arrivedDaysAgo: 6,
      steps: [
        step('request-correction', 4, 'registrar', (day) => ({
          items:
            '所需信息的名称、文号或者便于查询的其他特征性描述不明确，请补充具体的文件名称或文号。',
          correctionDueOn: day.after(day.ago(4), 10),
        })),
      ],
    },
    // No correction by the date given: treated as withdrawn by the sweep (其他处理 1).
    {
      organization: '440800001',
      applicant: person(4, '赵六（演示）', '湛江市赤坎区演示路4号'),
      description: '请公开有关部门处理那件事情的全部材料（演示）',
      form: 'email',
      channel: 'in-person',
      arrivedDaysAgo: 45,
      steps: [
        step('request-correction', 44, 'registrar', (day) => ({
          items: '“那件事情”所指不明确，请说明所需信息涉及的事项、时间和制作机关。',
          correctionDueOn: day.after(day.ago(44), 10),
        })),
        step('treat-as-withdrawn', 33, null, () => ({})),
      ],
    },
    // A complex case: a joint review (会商), then the third party's view asked for and received; due in days.
    {
      organization: '370000001',
      applicant: organization(
        5,
        'commercial-enterprise',
        '济南演示科技有限公司（演示）',
        '济南市高新区演示大道5号'
      ),
      description: '请公开2025年省级政务云服务采购项目的中标合同（演示）',
      form: 'electronic',
      channel: 'in-person',
      arrivedDaysAgo: 23,
      steps: [
        step('assign', 22, 'registrar', () => ({ responsibleOffice: '省政府办公厅信息化处' })),
        step('joint-review', 18, 'handler', () => ({
          participants: ['信息化处', '法规处', '政务公开办公室'],
          conclusion: '合同含中标人的报价明细，可能涉及商业秘密，应书面征求第三方意见。',
        })),
        step('start-consultation', 15, 'registrar', (day) => ({
          kind: 'third-party',
          party: '山东演示云计算有限公司（演示）',
          sentOn: day.ago(15),
        })),
        step('end-consultation', 10, 'registrar', (day) => ({
          answeredOn: day.ago(10),
          opinion: '第三方同意公开合同正文，不同意公开分项报价。',
        })),
      ],
    },
    // Extended once by the office's head (art. 33).
    {
      organization: '370100001',
      applicant: person(6, '孙七（演示）', '济南市槐荫区演示路6号'),
      description: '请公开2018年至2025年济南市历年城市道路挖掘审批的数量统计（演示）',
      form: 'electronic',
      channel: 'ordinary-letter',
      arrivedDaysAgo: 24,
      steps: [
        step('assign', 23, 'registrar', () => ({ responsibleOffice: '市政府办公厅城建处' })),
        step('extend', 2, 'head', () => ({
          workingDays: 15,
          reason: '申请公开的信息涉及八个年度的档案，需逐年调取核对，不能在法定期限内答复。',
        })),
      ],
    },
    // A fee by pages (国办函〔2020〕109号), waiting for payment: the reply clock stands still.
    {
      organization: '211100001',
      applicant: person(7, '周八（演示）', '盘锦市兴隆台区演示街7号'),
      description: '请公开盘锦市2020年以来全部城市规划调整的批复文件（纸质）（演示）',
      form: 'paper',
      channel: 'in-person',
      arrivedDaysAgo: 12,
      steps: [
        step('assign', 11, 'registrar', () => ({ responsibleOffice: '市政府办公室规划科' })),
        step('request-fee', 2, 'registrar', (day) => ({
          basis: 'pages',
          pages: 150,
          paymentDueOn: day.after(day.ago(2), 20),
        })),
      ],
    },
    // The reply drafted, waiting for the leader's approval, and past its due date.
    {
      organization: '370124001',
      applicant: organization(
        8,
        'research-institution',
        '演示大学公共管理学院（演示）',
        '济南市长清区演示大学路8号'
      ),
      description: '请公开平阴县2010年撤并村庄的人口迁移台账（演示）',
      form: 'email',
      channel: 'fax',
      arrivedDaysAgo: 22,
      steps: [
        step('assign', 21, 'registrar', () => ({ responsibleOffice: '县政府办公室综合科' })),
        step('draft-reply', 1, 'handler', () => ({
          outcome: 'unavailable',
          reason: 'not-held',
          legalBasis: BASIS.notHeld,
          text: '经查，本机关未制作、获取您申请的2010年撤并村庄人口迁移台账，该政府信息不存在。',
        })),
      ],
    },
    // 予以公开: already public, the reply points to the catalogue.
    {
      organization: '370000001',
      applicant: person(9, '吴九（演示）', '济南市历城区演示路9号'),
      description: '请公开山东省关于进一步加强政府信息公开工作的实施方案（演示）',
      documentNumber: '鲁政办发〔2014〕8号',
      form: 'email',
      channel: 'registered-post',
      arrivedDaysAgo: 30,
      steps: [
        step('assign', 29, 'registrar', () => ({ responsibleOffice: '政务公开办公室' })),
        step('draft-reply', 20, 'handler', () => ({
          outcome: 'disclosed',
          legalBasis: BASIS.public,
          text: '您申请的信息已主动公开，可在本机关政府信息公开平台查阅《山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知》（鲁政办发〔2014〕8号）。',
          publicDocuments: [catalogue.shandongPlan],
        })),
        step('approve-reply', 19, 'leader', () => ({ note: '同意。' })),
        step('deliver', 18, 'registrar', (day) => ({ method: 'email', deliveredOn: day.ago(18) })),
      ],
    },
    // 不予公开: process information (过程性信息).
    {
      organization: '370100002',
      applicant: person(10, '郑十（演示）', '济南市天桥区演示路10号'),
      description: '请公开市政务办制定政务公开工作落实机制过程中的内部讨论记录（演示）',
      form: 'paper',
      channel: 'in-person',
      arrivedDaysAgo: 40,
      steps: [
        step('assign', 39, 'registrar', () => ({ responsibleOffice: '政务公开处' })),
        step('draft-reply', 30, 'handler', () => ({
          outcome: 'not-disclosed',
          reason: 'process-information',
          legalBasis: BASIS.process,
          text: '您申请的内部讨论记录属于行政机关在履行行政管理职能过程中形成的讨论记录，属于过程性信息，本机关不予公开。',
        })),
        step('approve-reply', 29, 'leader', () => ({})),
        step('deliver', 28, 'registrar', (day) => ({ method: 'post', deliveredOn: day.ago(28) })),
      ],
    },
    // 不予处理 1: a complaint sent as an application, pointed to the petition channel (信访).
    {
      organization: '440800001',
      applicant: person(11, '钱十一（演示）', '湛江市霞山区演示路11号'),
      description: '投诉邻居违章搭建，要求政府责令拆除并公开处理结果（演示）',
      form: 'electronic',
      channel: 'online',
      arrivedDaysAgo: 17,
      steps: [
        step('confirm-receipt', 16, 'registrar', (day) => ({ receivedOn: day.ago(16) })),
        step('assign', 15, 'registrar', () => ({ responsibleOffice: '市政府办公室督查科' })),
        step('draft-reply', 8, 'handler', () => ({
          outcome: 'not-processed',
          reason: 'petition-complaint',
          legalBasis: BASIS.petition,
          redirectChannel: '湛江市信访局（信访渠道），或拨打12345政务服务便民热线',
          text: '您提出的事项属于投诉举报，不属于政府信息公开申请，请通过信访渠道反映。',
        })),
        step('approve-reply', 7, 'leader', () => ({})),
        step('deliver', 6, 'registrar', (day) => ({
          method: 'electronic',
          deliveredOn: day.ago(6),
        })),
      ],
    },
    // 部分公开, delivered and archived.
    {
      organization: '211100001',
      applicant: organization(
        12,
        'legal-service-organization',
        '盘锦演示律师事务所（演示）',
        '盘锦市双台子区演示路12号'
      ),
      description: '请公开2024年盘锦市征收补偿安置方案及其审批文件（演示）',
      form: 'pickup',
      channel: 'in-person',
      arrivedDaysAgo: 60,
      steps: [
        step('assign', 59, 'registrar', () => ({ responsibleOffice: '市政府办公室法制科' })),
        step('draft-reply', 45, 'handler', () => ({
          outcome: 'partially-disclosed',
          legalBasis: BASIS.partly,
          text: '现向您提供征收补偿安置方案；审批文件中涉及被征收人个人信息的部分已作区分处理。',
        })),
        step('approve-reply', 44, 'leader', () => ({})),
        step('deliver', 43, 'registrar', (day) => ({ method: 'pickup', deliveredOn: day.ago(43) })),
        step('archive', 20, 'registrar', () => ({})),
      ],
    },
  ];
}

/** Working days around `today` (a Beijing date), on the holiday calendar. */
export async function demoDays(strapi: Core.Strapi, today: string): Promise<Days> {
  const calendar = await getService(strapi, 'calendar').get();
  return {
    ago(n) {
      let date = today;
      for (let counted = 0; counted < n;) {
        date = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        if (calendar.isWorkingDay(date)) counted += 1;
      }
      return date;
    },
    after: (from, n) => calendar.addWorkingDays(from, n).date,
  };
}

/** 10:00 Beijing time on a date, plus `minutes`: the steps of one day keep their order. */
export const onDay = (date: string, minutes = 0) =>
  new Date(Date.parse(`${date}T02:00:00.000Z`) + minutes * 60_000);

/**
 * Creates the demo cases that do not exist yet; returns how many it created. `today` is the Beijing
 * date of seeding; `catalogue` the seeded documents a reply points to.
 */
export async function seedDemoApplications(
  strapi: Core.Strapi,
  today: string,
  catalogue: { shandongPlan: string }
): Promise<number> {
  const days = await demoDays(strapi, today);
  const applications = getService(strapi, 'applications');
  let created = 0;
  for (const demo of demoCases(catalogue)) {
    const existing = await strapi.db
      .query(APPLICATION_UID)
      .findOne({ where: { description: demo.description }, select: ['id'] });
    if (existing) continue;

    const arrived = days.ago(demo.arrivedDaysAgo);
    const evidence =
      demo.channel === 'in-person'
        ? { handedInOn: arrived }
        : demo.channel === 'registered-post'
          ? { signedForOn: arrived }
          : demo.channel === 'online'
            ? {}
            : { confirmedOn: arrived };
    // Through the same validation as the office's registration form.
    const { data } = validate(registerBody, {
      data: {
        organization: demo.organization,
        channel: demo.channel,
        applicantType: demo.applicant.type,
        name: demo.applicant.name,
        idType: demo.applicant.idType,
        idNumber: demo.applicant.idNumber,
        phone: demo.applicant.phone,
        email: demo.applicant.email,
        address: demo.applicant.address,
        description: demo.description,
        documentNumber: demo.documentNumber,
        form: demo.form,
        ...evidence,
      },
    });
    // An online application arrives by itself; the others are entered by the registrar.
    const registeredBy = demo.channel === 'online' ? null : STAFF.registrar;
    const { detail } = await applications.register(
      data,
      systemActor({ name: registeredBy, at: onDay(arrived, demo.channel === 'online' ? 330 : 0) })
    );
    for (const [index, demoStep] of demo.steps.entries()) {
      const on = days.ago(demoStep.daysAgo);
      const body = validate(ACTION_BODIES[demoStep.action], {
        data: demoStep.body(days),
      }).data as ActionBodies[typeof demoStep.action];
      await applications.act(
        detail.documentId,
        demoStep.action,
        body,
        systemActor({
          name: demoStep.by ? STAFF[demoStep.by] : null,
          at: onDay(on, 30 * (index + 1)),
        })
      );
    }
    created += 1;
  }
  return created;
}
