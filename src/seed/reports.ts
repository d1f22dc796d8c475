import type { Core, UID } from '@strapi/strapi';
import {
  APPLICATION_UID,
  CONTENT_TYPES,
  LEGAL_CHALLENGE_UID,
  REPORT_FIGURE_UID,
  SOURCE_LOCALE,
} from '../plugins/disclosure/shared/constants';
import {
  addCalendarDays,
  beijingDate,
} from '../plugins/disclosure/server/src/calendar/rules/beijing-time';

/**
 * 统计与年度报告 demo records: two offices' draft annual reports for the year before the day of
 * seeding (their sections pre-filled from the records, as the report document does), the table-2
 * figures those offices enter (行政事业性收费, 行政许可), and reconsideration and litigation brought over
 * two of the demo on-request cases, named by their case numbers: a reconsideration upheld (维持) and
 * a litigation not yet decided (尚未审结). Found by their natural keys first, so a second run adds nothing.
 */

/** The offices whose reports the demo drafts: each has a demo case that was answered and challenged. */
export const DEMO_REPORT_OFFICES = ['370100002', '211100001'] as const;

interface DemoChallenge {
  office: string;
  /** The challenged case: the office's demo case with this outcome */
  outcome: string;
  kind: 'reconsideration' | 'litigation-direct';
  result: 'upheld' | 'pending';
  /** Calendar days after the reply was delivered that it was filed */
  filedAfter: number;
  /** Calendar days before the day of seeding that it was decided */
  decidedDaysAgo?: number;
  note: string;
}

const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    office: '370100002',
    outcome: 'not-disclosed',
    kind: 'reconsideration',
    result: 'upheld',
    filedAfter: 5,
    decidedDaysAgo: 3,
    note: '申请人对不予公开答复不服，申请行政复议；复议机关决定维持（演示）。',
  },
  {
    office: '211100001',
    outcome: 'partially-disclosed',
    kind: 'litigation-direct',
    result: 'pending',
    filedAfter: 10,
    note: '申请人对部分公开答复不服，直接提起行政诉讼，尚未审结（演示）。',
  },
];

/** Figures the offices enter for the demo year (行政事业性收费 in 万元; 行政许可 decisions). */
const DEMO_FIGURES: Array<{ office: string; kind: string; value: number; note: string }> = [
  {
    office: '370100002',
    kind: 'administrative-fees',
    value: 12.35,
    note: '据财务年报填报（演示）',
  },
  {
    office: '370100002',
    kind: 'administrative-licensing',
    value: 1520,
    note: '据政务服务平台办件统计填报（演示）',
  },
  { office: '211100001', kind: 'administrative-fees', value: 0.8, note: '（演示）' },
];

type Row = { id: number; documentId: string };

export async function seedDemoReports(
  strapi: Core.Strapi,
  today: string
): Promise<Record<string, number>> {
  const year = Number(today.slice(0, 4)) - 1;
  const created: Record<string, number> = {};
  const count = (uid: string) => (created[uid] = (created[uid] ?? 0) + 1);
  const office = async (code: string): Promise<Row | null> =>
    strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: { code, locale: SOURCE_LOCALE }, select: ['id', 'documentId'] });

  for (const figure of DEMO_FIGURES) {
    const organization = await office(figure.office);
    if (!organization) continue;
    const where = { organization: organization.id, year, half: null, kind: figure.kind };
    if (await strapi.db.query(REPORT_FIGURE_UID).count({ where })) continue;
    await strapi.documents(REPORT_FIGURE_UID as UID.ContentType).create({
      data: {
        ...where,
        organization: organization.documentId,
        value: figure.value,
        note: figure.note,
      },
    } as never);
    count(REPORT_FIGURE_UID);
  }

  for (const challenge of DEMO_CHALLENGES) {
    const organization = await office(challenge.office);
    if (!organization) continue;
    const challenged: { number: string; concludedAt: string } | null = await strapi.db
      .query(APPLICATION_UID)
      .findOne({
        where: {
          organization: organization.id,
          outcome: challenge.outcome,
          concludedAt: { $notNull: true },
        },
        select: ['number', 'concludedAt'],
        orderBy: { number: 'asc' },
      });
    if (!challenged) continue;
    if (
      await strapi.db
        .query(LEGAL_CHALLENGE_UID)
        .count({ where: { caseNumber: challenged.number, kind: challenge.kind } })
    )
      continue;
    const replied = beijingDate(new Date(challenged.concludedAt));
    const filedOn = addCalendarDays(replied, challenge.filedAfter);
    await strapi.documents(LEGAL_CHALLENGE_UID as UID.ContentType).create({
      data: {
        organization: organization.documentId,
        caseNumber: challenged.number,
        kind: challenge.kind,
        filedOn: filedOn < today ? filedOn : today,
        result: challenge.result,
        decidedOn:
          challenge.decidedDaysAgo === undefined
            ? null
            : addCalendarDays(today, -challenge.decidedDaysAgo),
        note: challenge.note,
      },
    } as never);
    count(LEGAL_CHALLENGE_UID);
  }

  // The draft reports last: their sections are pre-filled from what is recorded above.
  for (const code of DEMO_REPORT_OFFICES) {
    const organization = await office(code);
    if (!organization) continue;
    const exists = await strapi.db.query(CONTENT_TYPES.annualReport).count({
      where: { organization: organization.id, year, half: null },
    });
    if (exists) continue;
    await strapi.documents(CONTENT_TYPES.annualReport as UID.ContentType).create({
      data: { organization: organization.documentId, year },
    } as never);
    count(CONTENT_TYPES.annualReport);
  }
  return created;
}
