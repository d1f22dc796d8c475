import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  APPLICATION_PERMISSIONS,
  APPLICATION_STEP_UID,
  APPLICATION_UID,
  CONTENT_TYPES,
  SOURCE_LOCALE,
} from '../../../../shared/constants';
import {
  type ActionBodies,
  type ApplicantType,
  type ApplicationAction,
  type ApplicationChannel,
  type ApplicationClocks,
  type ApplicationDetail,
  type ApplicationListAnswer,
  type ApplicationLookupAnswer,
  type ApplicationStatus,
  type ApplicationStep,
  type ApplicationSummary,
  type DeliveryForm,
  type FeeBasis,
  type LetterFormat,
  type LetterKind,
  type Outcome,
  type OutcomeReason,
  type StepKind,
} from '../../../../shared/contracts/on-request';
import { beijingDate, beijingYear, startOfBeijingDay } from '../../calendar/rules/beijing-time';
import type { Calendar } from '../../deadlines/rules/deadlines';
import { computeClocks, consultationLapsed, urgencyOf, type CaseClockInput } from '../rules/clock';
import { CONSULTATION_WORKING_DAYS } from '../rules/clock';
import { feeFor } from '../rules/fees';
import { hashLookupCode, newLookupCode } from '../../utils/lookup-code';
import { caseNumber } from '../../utils/case-number';
import { findByLookupCode, nextSequence } from '../../utils/case-register';
import { receivedOnFor, type ReceiptEvidence } from '../rules/received-date';
import { likelyRepeats } from '../rules/repeats';
import {
  ACTION_RULES,
  allowedActions,
  checkAction,
  type ApplicationPermission,
  type CaseState,
} from '../rules/workflow';
import type { IntakeInput, ListQuery, RegisterInput } from '../validation/applications';
import { getService } from '../../utils/get-service';
import type { AdminAbility, AdminUser } from '../../utils/request-state';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import { refuse, ruled } from '../../utils/validation';

/** A stored pause of the reply clock (rules/clock's ClockPause, with who was consulted). */
interface StoredPause {
  kind: 'consultation' | 'fee';
  from: string;
  to: string | null;
  dueOn?: string | null;
  consultationKind?: 'third-party' | 'other-authority';
  party?: string;
}

/** A case as stored (plugin::disclosure.disclosure-application). */
export interface ApplicationRow {
  id: number;
  documentId: string;
  number: string;
  organization?: { id: number; documentId: string; code: string; name: string } | null;
  year: number;
  sequence: number;
  lookupCodeHash: string;
  channel: ApplicationChannel;
  applicantType: ApplicantType;
  applicantName: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string;
  description: string;
  documentNumber: string | null;
  form: DeliveryForm;
  status: ApplicationStatus;
  submittedAt: string;
  receipt: ReceiptEvidence | null;
  receivedOn: string | null;
  correctionRequestedOn: string | null;
  correctionItems: string | null;
  correctionDueOn: string | null;
  correctionReceivedOn: string | null;
  correctionDecidedAt: string | null;
  pauses: StoredPause[] | null;
  extensionWorkingDays: number | null;
  extensionReason: string | null;
  extensionApprovedBy: string | null;
  responsibleOffice: string | null;
  outcome: Outcome | null;
  outcomeReason: OutcomeReason | null;
  legalBasis: string | null;
  replyText: string | null;
  publicDocuments: string[] | null;
  redirectChannel: string | null;
  feeBasis: FeeBasis | null;
  feePages: number | null;
  feeAmount: number | null;
  feeExplanation: string | null;
  feeRequestedOn: string | null;
  paymentDueOn: string | null;
  paidOn: string | null;
  paidAmount: number | null;
  deliveryMethod: string | null;
  deliveredOn: string | null;
  concludedAt: string | null;
  archivedAt: string | null;
  replyDueOn: string | null;
  possibleRepeatOf: string[] | null;
  createdAt: string;
}

interface StepRow {
  id: number;
  kind: StepKind;
  at: string;
  actorId: number | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/** Who acts: a signed-in admin account and its permissions, or the sweep (null). */
export interface ApplicationActor {
  user: AdminUser;
  ability: AdminAbility | null;
}

// In the global registry: the seed, loaded from the source tree in tests, and the service, from dist, share it.
const SYSTEM = Symbol.for('disclosure.on-request.system-actor');

/**
 * Trusted server code acting for the office itself (the demo seed; an import of a paper register):
 * every permission, every organization, no ledger entry for the reads it makes (no person read
 * anything). Its steps are recorded under `name` (or, like the sweep's, under no one) at `at` when
 * given: a case entered after the fact keeps the days it happened on, while the deadline records are
 * assessed against the real now. Made only by `systemActor`; a request can never carry one (the
 * brand is a symbol, which no JSON body or header can produce).
 */
export interface SystemActor {
  readonly [SYSTEM]: true;
  readonly name: string | null;
  readonly at: Date | null;
}
export const systemActor = (
  options: { name?: string | null; at?: Date | null } = {}
): SystemActor => ({
  [SYSTEM]: true,
  name: options.name ?? null,
  at: options.at ?? null,
});
const isSystem = (actor: object | null): actor is SystemActor => actor !== null && SYSTEM in actor;
/** Whether an actor is the system (the seed, the sweep), not a signed-in account. */
export const isSystemActor = isSystem;
type Actor = ApplicationActor | SystemActor;

const ORGANIZATION_POPULATE = { organization: { select: ['id', 'documentId', 'code', 'name'] } };

/** One refusal for a case that does not exist and one the account may not see: nothing to tell them apart. */
const NOT_FOUND = '没有这个申请，或无权查看 (no such application, or not yours to see)';
/** The public lookup's one answer to every miss: unknown number, malformed number, wrong or missing code. */
export const LOOKUP_NOT_FOUND =
  '未找到该申请：请核对申请编号和查询码 (no application matches this number and code)';

/** How a step's actor is named: family name first, as Chinese names are written. */
const actorName = (user: AdminUser): string =>
  [user.lastname, user.firstname].filter(Boolean).join('') || user.username || user.email;

/** The name a step records for its actor: the account's, the system actor's, or none (the sweep). */
const nameOf = (actor: Actor | null): string | null =>
  !actor ? null : isSystem(actor) ? actor.name : actorName(actor.user);

const isSuperAdmin = (user: AdminUser): boolean =>
  (user.roles ?? []).some((role) => role.code === 'strapi-super-admin');

const CONCLUDED_STATUSES: readonly ApplicationStatus[] = ['delivered', 'closed', 'archived'];

/**
 * 依申请公开: cases and their steps. Every change is one transaction (the case, its step, its clocks
 * and its deadline records); every admin read of an applicant's personal data is in the ledger; the
 * public lookup answers one 404 for every miss. The rules (clocks, fees, workflow, numbering) are in
 * ../rules; this is storage, permissions and scope.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.db.query(APPLICATION_UID);
  const stepRows = () => strapi.db.query(APPLICATION_STEP_UID);
  const now = (): Date => getService(strapi, 'clock').now();
  const calendar = async (): Promise<Calendar> => getService(strapi, 'calendar').get();

  // ---------------------------------------------------------------- organizations and scope

  /** The organization a request names (its code or documentId), as the zh-Hans row cases link to. */
  const findOrganization = async (value: string) =>
    (await strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { $or: [{ code: value }, { documentId: value }], locale: SOURCE_LOCALE },
      select: ['id', 'documentId', 'code', 'name'],
    })) as { id: number; documentId: string; code: string; name: string } | null;

  /** The organizations whose cases an account works on: null for a super admin (all); none without an organization. */
  const scopeOf = async (actor: Actor): Promise<string[] | null> => {
    if (isSystem(actor) || isSuperAdmin(actor.user)) return null;
    return (
      (await getService(strapi, 'organization-roles').organizationsInScope(actor.user.id)) ?? []
    );
  };

  const permissionsOf = (actor: Actor): ApplicationPermission[] =>
    (Object.keys(APPLICATION_PERMISSIONS) as ApplicationPermission[]).filter(
      (permission) =>
        isSystem(actor) || Boolean(actor.ability?.can(APPLICATION_PERMISSIONS[permission]))
    );

  /** When an action happens: now, or the day a system actor records it for. */
  const timeOf = (actor: Actor | null): Date => (isSystem(actor) && actor.at) || now();

  /** An account with no on-request permission sees no case at all. */
  const assertWorksOnApplications = (actor: Actor) => {
    if (!permissionsOf(actor).length)
      throw new errors.PolicyError(
        '没有依申请公开的权限 (you have no permission for on-request applications)'
      );
  };

  /** A case by documentId, if it is in the account's organizations; otherwise the same 404 as for none. */
  const caseInScope = async (documentId: string, actor: Actor) => {
    const row = (await cases().findOne({
      where: { documentId },
      populate: ORGANIZATION_POPULATE,
    })) as ApplicationRow | null;
    const scope = await scopeOf(actor);
    if (!row || (scope && !scope.includes(row.organization?.documentId ?? '')))
      throw new errors.NotFoundError(NOT_FOUND);
    return row;
  };

  // ---------------------------------------------------------------- clocks

  /** What the workflow rules judge an action by. */
  const stateOf = (row: ApplicationRow): CaseState => ({
    status: row.status,
    extensionWorkingDays: row.extensionWorkingDays ?? 0,
    correctionRequested: Boolean(row.correctionRequestedOn),
  });

  const clockInput = (row: ApplicationRow): CaseClockInput => ({
    receivedOn: row.receivedOn,
    correction: row.correctionRequestedOn
      ? {
          requestedOn: row.correctionRequestedOn,
          dueOn: row.correctionDueOn ?? row.correctionRequestedOn,
          receivedOn: row.correctionReceivedOn,
        }
      : null,
    pauses: (row.pauses ?? []).map(({ kind, from, to, dueOn }) => ({ kind, from, to, dueOn })),
    extensionWorkingDays: row.extensionWorkingDays ?? 0,
  });

  const clocksOf = (row: ApplicationRow, current: Calendar, today: string): ApplicationClocks => {
    const clocks = ruled(() => computeClocks(clockInput(row), current, today));
    // Once concluded, the reply date stands as it was when the case ended (the pauses are closed).
    return clocks;
  };

  // ---------------------------------------------------------------- answers

  const summaryOf = (row: ApplicationRow, current: Calendar, today: string): ApplicationSummary => {
    const clocks = clocksOf(row, current, today);
    return {
      documentId: row.documentId,
      number: row.number,
      organization: row.organization
        ? {
            documentId: row.organization.documentId,
            code: row.organization.code,
            name: row.organization.name,
          }
        : null,
      channel: row.channel,
      applicantType: row.applicantType,
      applicantName: row.applicantName,
      description: row.description,
      status: row.status,
      outcome: row.outcome ?? null,
      outcomeReason: row.outcomeReason ?? null,
      clocks,
      urgency: urgencyOf(clocks, row.status, today, current),
      possibleRepeatOf: row.possibleRepeatOf ?? [],
      createdAt: new Date(row.createdAt).toISOString(),
    };
  };

  /** The letters a case has had reason to send so far. */
  const lettersOf = (row: ApplicationRow): LetterKind[] => {
    const letters: LetterKind[] = [];
    if (row.receivedOn) letters.push('acknowledgement');
    if (row.correctionRequestedOn) letters.push('correction-notice');
    if ((row.pauses ?? []).some((pause) => pause.kind === 'consultation'))
      letters.push('third-party-consultation');
    if (row.extensionWorkingDays) letters.push('extension-notice');
    if (row.feeAmount) letters.push('fee-notice');
    if (row.outcome) letters.push('reply');
    return letters;
  };

  const detailOf = async (row: ApplicationRow, actor: Actor | null): Promise<ApplicationDetail> => {
    const current = await calendar();
    const today = beijingDate(now());
    const steps = (await stepRows().findMany({
      where: { application: { id: row.id } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    })) as StepRow[];
    return {
      ...summaryOf(row, current, today),
      applicant: {
        name: row.applicantName,
        idType: row.idType,
        idNumber: row.idNumber,
        phone: row.phone,
        email: row.email ?? null,
        address: row.address,
      },
      documentNumber: row.documentNumber ?? null,
      form: row.form,
      responsibleOffice: row.responsibleOffice ?? null,
      legalBasis: row.legalBasis ?? null,
      replyText: row.replyText ?? null,
      publicDocuments: row.publicDocuments ?? [],
      publicDocumentTitles: await getService(strapi, 'letters').publicDocumentTitles(
        row.publicDocuments ?? []
      ),
      fee:
        row.feeBasis && row.feeAmount !== null
          ? {
              basis: row.feeBasis,
              pages: row.feePages ?? null,
              amount: row.feeAmount,
              paidOn: row.paidOn ?? null,
            }
          : null,
      steps: steps.map((step): ApplicationStep => ({
        kind: step.kind,
        at: new Date(step.at).toISOString(),
        actor: step.actorId || step.actorName ? { id: step.actorId, name: step.actorName } : null,
        details: step.details ?? {},
      })),
      allowedActions: actor ? allowedActions(stateOf(row), permissionsOf(actor)) : [],
      letters: lettersOf(row),
    };
  };

  // ---------------------------------------------------------------- writing

  /** The clocks recomputed into the stored reply date, and the deadline records after them. */
  const settle = async (documentId: string, today: string, current: Calendar) => {
    const row = (await cases().findOne({ where: { documentId } })) as ApplicationRow;
    const { replyDueOn } = clocksOf(row, current, today);
    if (replyDueOn !== row.replyDueOn)
      await cases().update({ where: { id: row.id }, data: { replyDueOn } });
    await getService(strapi, 'deadlines').refresh(APPLICATION_UID, documentId);
  };

  const writeStep = (
    row: { id: number },
    kind: StepKind,
    at: Date,
    actor: Actor | null,
    details: Record<string, unknown>
  ) =>
    stepRows().create({
      data: {
        application: row.id,
        kind,
        at,
        actorId: actor && !isSystem(actor) ? actor.user.id : null,
        actorName: nameOf(actor),
        details,
      },
    });

  /**
   * The applicant's earlier cases to this organization (same identity document, within a year) that
   * this one may repeat: a hint for the officer (rules/repeats), never a decision.
   */
  const repeatsOf = async (
    organizationId: number,
    candidate: {
      documentId?: string;
      idNumber: string;
      description: string;
      receivedOn?: string | null;
    },
    at: Date
  ): Promise<string[]> => {
    const yearAgo = new Date(at.getTime() - 366 * 24 * 3_600_000);
    const earlier = (await cases().findMany({
      where: {
        organization: { id: organizationId },
        idNumber: candidate.idNumber,
        submittedAt: { $gte: yearAgo },
        ...(candidate.documentId ? { documentId: { $ne: candidate.documentId } } : {}),
      },
      select: ['number', 'description', 'submittedAt', 'receivedOn', 'idNumber'],
    })) as Array<
      Pick<ApplicationRow, 'number' | 'description' | 'submittedAt' | 'receivedOn' | 'idNumber'>
    >;
    // Not yet received (awaiting confirmation): the day it was sent stands in.
    const receivedOf = (row: { receivedOn?: string | null; submittedAt?: string }) =>
      row.receivedOn ?? beijingDate(row.submittedAt ? new Date(row.submittedAt) : at);
    return ruled(() =>
      likelyRepeats(
        {
          idNumber: candidate.idNumber,
          description: candidate.description,
          receivedOn: receivedOf(candidate),
        },
        earlier.map((row) => ({
          number: row.number,
          idNumber: row.idNumber,
          description: row.description,
          receivedOn: receivedOf(row),
        }))
      )
    );
  };

  /** A new case, numbered per organization and year under a lock, with its first step. */
  const createCase = async (
    input: IntakeInput | RegisterInput,
    channel: ApplicationChannel,
    evidence: ReceiptEvidence,
    actor: Actor | null
  ) => {
    const organization = await findOrganization(input.organization);
    if (!organization)
      refuse(
        'organization',
        `受理机关 (organization) 不存在：${input.organization} (no organization with this code or documentId)`
      );
    const org = organization as NonNullable<typeof organization>;
    if (actor) {
      const scope = await scopeOf(actor);
      if (scope && !scope.includes(org.documentId))
        throw new errors.PolicyError(
          '只能登记本机构及下级机构收到的申请 (you may only register applications to your organization and those below it)'
        );
    }
    // Online, by ordinary letter or fax without the confirmation yet: received when the office confirms it.
    const confirmedLater =
      (channel === 'online' || channel === 'ordinary-letter' || channel === 'fax') &&
      !evidence.confirmedOn;
    const receivedOn = confirmedLater ? null : ruled(() => receivedOnFor(channel, evidence));
    const at = timeOf(actor);
    const year = beijingYear(at);
    const code = newLookupCode();
    const current = await calendar();
    const created = await strapi.db.transaction(async () => {
      // Two intakes to one organization at once take consecutive numbers (the unique index backs this).
      const sequence = await nextSequence(strapi, APPLICATION_UID, org.id, year);
      const possibleRepeatOf = await repeatsOf(org.id, { ...input, receivedOn }, at);
      const row = (await cases().create({
        data: {
          number: caseNumber(org.code, year, sequence),
          organization: org.id,
          year,
          sequence,
          lookupCodeHash: hashLookupCode(code),
          channel,
          applicantType: input.applicantType,
          applicantName: input.name,
          idType: input.idType,
          idNumber: input.idNumber,
          phone: input.phone,
          email: input.email ?? null,
          address: input.address,
          description: input.description,
          documentNumber: input.documentNumber ?? null,
          form: input.form,
          status: receivedOn ? 'registered' : 'submitted',
          submittedAt: at,
          receipt: evidence,
          receivedOn,
          pauses: [],
          extensionWorkingDays: 0,
          publicDocuments: [],
          possibleRepeatOf,
        },
      })) as ApplicationRow;
      await writeStep(row, 'register', at, actor, {
        channel,
        ...(receivedOn ? { receivedOn } : {}),
        ...(possibleRepeatOf.length ? { possibleRepeatOf } : {}),
      });
      await settle(row.documentId, beijingDate(now()), current);
      return row;
    });
    return { row: created, code };
  };

  /** The nth case this applicant (by identity document) sent this organization in the case's calendar month. */
  const nthInMonth = async (row: ApplicationRow): Promise<number> => {
    const month = beijingDate(new Date(row.submittedAt)).slice(0, 7);
    const [y, m] = month.split('-').map(Number);
    const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
    const start = startOfBeijingDay(`${month}-01`);
    const siblings = (await cases().findMany({
      where: {
        organization: { documentId: row.organization?.documentId ?? '' },
        idNumber: row.idNumber,
        submittedAt: { $gte: start, $lt: startOfBeijingDay(next) },
      },
      select: ['id', 'submittedAt'],
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    })) as Array<{ id: number }>;
    return siblings.findIndex((sibling) => sibling.id === row.id) + 1;
  };

  /** What an action changes on the case (besides its status), and what its step records. */
  const changesFor = async <A extends ApplicationAction>(
    row: ApplicationRow,
    action: A,
    body: ActionBodies[A],
    actor: Actor | null,
    at: Date,
    current: Calendar
  ): Promise<{ data: Partial<ApplicationRow>; details: Record<string, unknown> }> => {
    const today = beijingDate(at);
    const pauses = [...(row.pauses ?? [])];
    const decided = row.correctionDecidedAt ? {} : { correctionDecidedAt: at.toISOString() };
    const concluded = { concludedAt: at.toISOString() };
    // A step records the action's body; nothing in any body is the applicant's personal data.
    const details: Record<string, unknown> = { ...(body as object) };
    switch (action) {
      case 'confirm-receipt': {
        const { receivedOn } = body as ActionBodies['confirm-receipt'];
        const receipt = { ...(row.receipt ?? {}), confirmedOn: receivedOn };
        const confirmed = ruled(() => receivedOnFor(row.channel, receipt));
        const possibleRepeatOf = row.organization
          ? await repeatsOf(row.organization.id, { ...row, receivedOn: confirmed }, at)
          : [];
        return {
          data: { receipt, receivedOn: confirmed, possibleRepeatOf },
          details: {
            receivedOn: confirmed,
            ...(possibleRepeatOf.length ? { possibleRepeatOf } : {}),
          },
        };
      }
      case 'request-correction': {
        const { items, correctionDueOn } = body as ActionBodies['request-correction'];
        return {
          data: {
            correctionRequestedOn: today,
            correctionItems: items,
            correctionDueOn,
            ...decided,
          },
          details,
        };
      }
      case 'receive-correction':
        return {
          data: { correctionReceivedOn: (body as ActionBodies['receive-correction']).receivedOn },
          details,
        };
      case 'treat-as-withdrawn':
        return {
          data: { outcome: 'other', outcomeReason: 'no-correction', ...concluded },
          details,
        };
      case 'assign':
        return {
          data: {
            responsibleOffice: (body as ActionBodies['assign']).responsibleOffice,
            ...decided,
          },
          details,
        };
      case 'joint-review':
        return { data: {}, details };
      case 'start-consultation': {
        const { kind, party, sentOn } = body as ActionBodies['start-consultation'];
        pauses.push({
          kind: 'consultation',
          from: sentOn,
          to: null,
          consultationKind: kind,
          party,
        });
        return {
          data: { pauses },
          details: {
            ...details,
            dueOn: current.addWorkingDays(sentOn, CONSULTATION_WORKING_DAYS).date,
          },
        };
      }
      case 'end-consultation': {
        const open = pauses.findIndex((pause) => pause.kind === 'consultation' && !pause.to);
        if (open >= 0)
          pauses[open] = {
            ...pauses[open],
            to: (body as ActionBodies['end-consultation']).answeredOn,
          };
        return { data: { pauses }, details };
      }
      case 'extend': {
        const { workingDays, reason } = body as ActionBodies['extend'];
        return {
          data: {
            extensionWorkingDays: workingDays,
            extensionReason: reason,
            extensionApprovedBy: nameOf(actor),
          },
          details,
        };
      }
      case 'request-fee': {
        const { basis, pages, paymentDueOn } = body as ActionBodies['request-fee'];
        const nth = basis === 'count' ? await nthInMonth(row) : undefined;
        const fee = ruled(() => feeFor(basis, { nthInMonth: nth, pages }));
        if (fee.amount === 0)
          refuse(
            basis === 'pages' ? 'pages' : 'basis',
            `按规定本申请不收费：${fee.explanation} (no fee is due for this application)`
          );
        pauses.push({ kind: 'fee', from: today, to: null, dueOn: paymentDueOn });
        return {
          data: {
            feeBasis: basis,
            feePages: pages ?? null,
            feeAmount: fee.amount,
            feeExplanation: fee.explanation,
            feeRequestedOn: today,
            paymentDueOn,
            pauses,
          },
          details: {
            ...details,
            amount: fee.amount,
            explanation: fee.explanation,
            ...(nth ? { nthInMonth: nth } : {}),
          },
        };
      }
      case 'record-payment': {
        const { paidOn, amount } = body as ActionBodies['record-payment'];
        const open = pauses.findIndex((pause) => pause.kind === 'fee' && !pause.to);
        if (open >= 0) pauses[open] = { ...pauses[open], to: paidOn };
        return { data: { paidOn, paidAmount: amount, pauses }, details };
      }
      case 'close-unpaid':
        return { data: { outcome: 'other', outcomeReason: 'fee-unpaid', ...concluded }, details };
      case 'draft-reply': {
        const reply = body as ActionBodies['draft-reply'];
        // Inside the action's transaction: a refusal leaves nothing written.
        await getService(strapi, 'letters').assertCitable(reply.publicDocuments ?? []);
        return {
          data: {
            outcome: reply.outcome,
            outcomeReason: reply.reason ?? null,
            legalBasis: reply.legalBasis,
            replyText: reply.text ?? null,
            publicDocuments: reply.publicDocuments ?? [],
            redirectChannel: reply.redirectChannel ?? null,
            ...decided,
          },
          details,
        };
      }
      case 'approve-reply':
        return { data: {}, details };
      case 'deliver': {
        const { method, deliveredOn } = body as ActionBodies['deliver'];
        // Delivered on an earlier day than it is recorded: it concluded that day (the hour is unknown).
        const concludedAt = deliveredOn < today ? startOfBeijingDay(deliveredOn) : at;
        return {
          data: { deliveryMethod: method, deliveredOn, concludedAt: concludedAt.toISOString() },
          details,
        };
      }
      case 'archive':
        return { data: { archivedAt: at.toISOString() }, details };
    }
    return { data: {}, details };
  };

  /**
   * One action on one case, in one transaction: the rules' check, the case's new state and its step,
   * the reply date and the deadline records. `kind` records the sweep's own moves under their name.
   */
  const apply = async <A extends ApplicationAction>(
    row: ApplicationRow,
    action: A,
    body: ActionBodies[A],
    actor: Actor | null,
    kind: StepKind = action
  ) => {
    const at = timeOf(actor);
    const current = await calendar();
    await strapi.db.transaction(async () => {
      // Read again inside the transaction: two officers acting at once see each other's step.
      await lockWithinTransaction(strapi, `disclosure-application:${row.documentId}`);
      const fresh = (await cases().findOne({
        where: { id: row.id },
        populate: ORGANIZATION_POPULATE,
      })) as ApplicationRow;
      const { to } = ruled(() =>
        checkAction(stateOf(fresh), action, body as unknown as Record<string, unknown>)
      );
      const { data, details } = await changesFor(fresh, action, body, actor, at, current);
      await cases().update({ where: { id: fresh.id }, data: { ...data, status: to } });
      await writeStep(fresh, kind, at, actor, details);
      // The clocks as of today, even for a step recorded on an earlier day (a system actor's).
      await settle(fresh.documentId, beijingDate(now()), current);
    });
  };

  // ---------------------------------------------------------------- the service

  return {
    /** POST /api/disclosure/applications: an online application, waiting for the office to confirm it. */
    async intake(input: IntakeInput) {
      const { row, code } = await createCase(input, 'online', {}, null);
      return { number: row.number, code, status: 'submitted' as const };
    },

    /** POST /disclosure/applications: an application received offline, with the art. 31 evidence. */
    async register(input: RegisterInput, actor: Actor) {
      if (!permissionsOf(actor).includes('register'))
        throw new errors.PolicyError(
          '没有登记依申请公开申请的权限 (you may not register applications)'
        );
      const { handedInOn, signedForOn, confirmedOn } = input;
      const evidence: ReceiptEvidence = {
        ...(handedInOn ? { handedInOn } : {}),
        ...(signedForOn ? { signedForOn } : {}),
        ...(confirmedOn ? { confirmedOn } : {}),
      };
      const { row, code } = await createCase(input, input.channel, evidence, actor);
      return { detail: await this.detail(row.documentId, actor), code };
    },

    /** GET /disclosure/applications: the account's organizations' cases, filtered, a page at a time. */
    async list(query: ListQuery, actor: Actor): Promise<ApplicationListAnswer> {
      assertWorksOnApplications(actor);
      const scope = await scopeOf(actor);
      const where: Record<string, unknown>[] = [];
      if (scope) where.push({ organization: { documentId: { $in: scope } } });
      if (query.organization) {
        if (scope)
          await getService(strapi, 'organization-roles').assertOrganizationInScope(
            scope,
            query.organization
          );
        where.push({
          organization: {
            $or: [{ code: query.organization }, { documentId: query.organization }],
          },
        });
      }
      if (query.status) where.push({ status: query.status });
      if (query.q)
        where.push({
          $or: [
            { number: { $containsi: query.q } },
            { applicantName: { $containsi: query.q } },
            { description: { $containsi: query.q } },
          ],
        });
      const filter = where.length ? { $and: where } : {};
      const current = await calendar();
      const today = beijingDate(now());
      const orderBy = [{ submittedAt: 'desc' as const }, { id: 'desc' as const }];
      const { page, pageSize } = query;
      let rows: ApplicationSummary[];
      let total: number;
      if (query.urgency) {
        // Urgency is computed from the clocks, not stored: filtered after reading the scope's cases.
        const all = (await cases().findMany({
          where: filter,
          orderBy,
          populate: ORGANIZATION_POPULATE,
        })) as ApplicationRow[];
        const matching = all
          .map((row) => summaryOf(row, current, today))
          .filter((summary) => summary.urgency === query.urgency);
        total = matching.length;
        rows = matching.slice((page - 1) * pageSize, page * pageSize);
      } else {
        const [found, count] = await Promise.all([
          cases().findMany({
            where: filter,
            orderBy,
            offset: (page - 1) * pageSize,
            limit: pageSize,
            populate: ORGANIZATION_POPULATE,
          }) as Promise<ApplicationRow[]>,
          cases().count({ where: filter }) as Promise<number>,
        ]);
        total = count;
        rows = found.map((row) => summaryOf(row, current, today));
      }
      return {
        data: rows,
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        },
      };
    },

    /** GET /disclosure/applications/:documentId: the case with its applicant's data; the read is in the ledger. */
    async detail(documentId: string, actor: Actor): Promise<ApplicationDetail> {
      assertWorksOnApplications(actor);
      const row = await caseInScope(documentId, actor);
      // A system actor is no person reading the applicant's data: nothing for the auditors.
      if (!isSystem(actor))
        await getService(strapi, 'ledger').record({
          action: 'personal-data-read',
          outcome: 'allowed',
          contentType: APPLICATION_UID,
          itemDocumentId: row.documentId,
          // The case number, never the applicant's name: the ledger is read by auditors.
          title: row.number,
        });
      return detailOf(row, actor);
    },

    /** POST /disclosure/applications/:documentId/actions/:action. */
    async act<A extends ApplicationAction>(
      documentId: string,
      action: A,
      body: ActionBodies[A],
      actor: Actor
    ): Promise<ApplicationDetail> {
      assertWorksOnApplications(actor);
      const row = await caseInScope(documentId, actor);
      const permission = ACTION_RULES[action].permission;
      if (!permissionsOf(actor).includes(permission))
        throw new errors.PolicyError(
          `没有执行此操作（${action}）的权限 (you may not ${action} applications: it takes the ${permission} permission)`
        );
      await apply(row, action, body, actor);
      return this.detail(documentId, actor);
    },

    /**
     * GET /disclosure/applications/:documentId/letters/:kind: a letter of the case, generated from it
     * (the letters service). A letter names the applicant: the read is in the ledger, as the case's is.
     */
    async letter(
      documentId: string,
      kind: LetterKind,
      format: LetterFormat,
      actor: Actor
    ): Promise<
      | { format: 'docx'; number: string; document: Buffer }
      | { format: 'text'; number: string; title: string; body: string }
    > {
      const detail = await this.detail(documentId, actor);
      const letters = getService(strapi, 'letters');
      if (format === 'docx')
        return { format, number: detail.number, document: await letters.document(kind, detail) };
      const { title, body } = await letters.text(kind, detail);
      return { format, number: detail.number, title, body };
    },

    /** GET /api/disclosure/applications/:number?code=: what the applicant may know, or one 404 for every miss. */
    async lookup(number: string, code: string): Promise<ApplicationLookupAnswer['data']> {
      const row = await findByLookupCode<ApplicationRow>(strapi, APPLICATION_UID, number, code);
      if (!row) throw new errors.NotFoundError(LOOKUP_NOT_FOUND);
      const current = await calendar();
      const clocks = clocksOf(row, current, beijingDate(now()));
      const delivered = row.status === 'delivered' || row.status === 'archived';
      // The reply as the applicant received it: the letter, generated from the case as the office's is.
      const letter = delivered
        ? await getService(strapi, 'letters').text('reply', await detailOf(row, null))
        : null;
      return {
        number: row.number,
        status: row.status,
        receivedOn: row.receivedOn ?? null,
        dueOn: CONCLUDED_STATUSES.includes(row.status)
          ? (row.replyDueOn ?? null)
          : clocks.replyDueOn,
        outcome: delivered ? (row.outcome ?? null) : null,
        reply: letter ? `${letter.title}\n\n${letter.body}` : null,
      };
    },

    /**
     * Moves cases along as time passes: a correction period passed → treated as withdrawn (其他处理 1);
     * a payment period passed → closed (其他处理 2); a consultation at its 15th working day → lapsed,
     * the clock running again; a paused case's reply date moved on. Returns what it changed.
     */
    async sweep(at: Date = now()) {
      const current = await calendar();
      const today = beijingDate(at);
      const open = (await cases().findMany({
        where: { status: { $notIn: CONCLUDED_STATUSES } },
        populate: ORGANIZATION_POPULATE,
      })) as ApplicationRow[];
      const changed = { withdrawn: 0, unpaid: 0, lapsed: 0, moved: 0 };
      for (const row of open) {
        if (
          row.status === 'correction-requested' &&
          !row.correctionReceivedOn &&
          row.correctionDueOn &&
          today > row.correctionDueOn
        ) {
          await apply(row, 'treat-as-withdrawn', {}, null);
          changed.withdrawn += 1;
          continue;
        }
        if (
          row.status === 'awaiting-fee' &&
          !row.paidOn &&
          row.paymentDueOn &&
          today > row.paymentDueOn
        ) {
          await apply(row, 'close-unpaid', {}, null);
          changed.unpaid += 1;
          continue;
        }
        const consultation = (row.pauses ?? []).find(
          (pause) => pause.kind === 'consultation' && !pause.to
        );
        if (
          row.status === 'consulting' &&
          consultation &&
          consultationLapsed(consultation.from, today, current)
        ) {
          const lapsedOn = current.addWorkingDays(
            consultation.from,
            CONSULTATION_WORKING_DAYS
          ).date;
          await apply(
            row,
            'end-consultation',
            { answeredOn: lapsedOn },
            null,
            'consultation-lapsed'
          );
          changed.lapsed += 1;
          continue;
        }
        // A running pause moves the reply date on day by day: the records follow.
        const { replyDueOn } = clocksOf(row, current, today);
        if (replyDueOn !== row.replyDueOn) {
          await strapi.db.transaction(() => settle(row.documentId, today, current));
          changed.moved += 1;
        }
      }
      return { checked: open.length, ...changed };
    },
  };
};
