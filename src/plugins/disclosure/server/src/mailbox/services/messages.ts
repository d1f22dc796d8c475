import type { OrganizationOption } from '../../../../shared/contracts/organizations';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  CONTENT_TYPES,
  MAILBOX_UID,
  MESSAGE_PERMISSIONS,
  MESSAGE_STEP_UID,
  MESSAGE_UID,
  SOURCE_LOCALE,
} from '../../../../shared/constants';
import type {
  MessageAction,
  MessageActionBodies,
  MessageDetail,
  MessageFlag,
  MessageKind,
  MessageListAnswer,
  MessageLookupAnswer,
  MessageRating,
  MessageStatistics,
  MessageStatus,
  MessageStep,
  MessageStepKind,
  MessageSummary,
  PublicMailbox,
} from '../../../../shared/contracts/mailbox';
import { addCalendarDays, beijingDate, beijingYear } from '../../calendar/rules/beijing-time';
import { computeDue, lengthFor, type Calendar } from '../../deadlines/rules/deadlines';
import { caseNumber } from '../../utils/case-number';
import { findByLookupCode, nextSequence } from '../../utils/case-register';
import { getService } from '../../utils/get-service';
import { hashLookupCode, newLookupCode } from '../../utils/lookup-code';
import type { AdminAbility, AdminUser } from '../../utils/request-state';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import { refuse, ruled } from '../../utils/validation';
import {
  HONEYPOT_FIELD,
  REPEAT_WINDOW_DAYS,
  countLinks,
  honeypotFilled,
  messageFingerprint,
} from '../rules/abuse';
import {
  CONCLUDED_MESSAGE_STATUSES,
  MESSAGE_ACTION_RULES,
  MESSAGE_PERMISSION_NAMES,
  allowedMessageActions,
  checkMessageAction,
  messageUrgency,
  type MessagePermission,
} from '../rules/workflow';
import { isSystemActor, type SystemActor } from '../../on-request/services/applications';
import type {
  MessageIntakeInput,
  MessageListInput,
  MessageStatisticsInput,
  PublicAnswerInput,
} from '../validation/messages';
import {
  checkAnswerSource,
  checkPersonalDataRemoved,
  mayPublishAnswer,
  type PublicAnswerKind,
} from '../rules/public-answer';
import { outsideRequest } from '../../utils/admin-request';
import { organizationNotFound } from '../../deadlines/validation/compliance';
import { monthStatistics } from './message-statistics';

interface OrganizationRef {
  id: number;
  documentId: string;
  code: string;
  name: string;
}

/** A message as stored (plugin::disclosure.public-message). */
export interface MessageRow {
  id: number;
  documentId: string;
  number: string;
  organization?: OrganizationRef | null;
  mailbox?: { id: number; documentId: string; leaderTitle: string } | null;
  lookupCodeHash: string;
  kind: MessageKind;
  subject: string;
  content: string;
  writerName: string;
  writerContact: string;
  consentToPublish: boolean;
  status: MessageStatus;
  submittedAt: string;
  receivedOn: string;
  acceptanceDueOn: string | null;
  replyDueOn: string | null;
  decidedAt: string | null;
  routedTo: string | null;
  routeReason: string | null;
  responsibleOffice: string | null;
  replyText: string | null;
  sentAt: string | null;
  rating: MessageRating | null;
  ratedAt: string | null;
  linkCount: number | null;
  fingerprint: string | null;
  flags: MessageFlag[] | null;
  repeatOf: string[] | null;
  createdAt: string;
}

interface StepRow {
  kind: MessageStepKind;
  at: string;
  actorId: number | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

interface MailboxRow {
  id: number;
  documentId: string;
  leaderTitle: string;
  active: boolean;
  organization?: OrganizationRef | null;
}

/** Who acts: a signed-in admin account and its permissions. */
export interface MessageActor {
  user: AdminUser;
  ability: AdminAbility | null;
}

const POPULATE = {
  organization: { select: ['id', 'documentId', 'code', 'name'] },
  mailbox: { select: ['id', 'documentId', 'leaderTitle'] },
};

/** One refusal for a message that does not exist and one the account may not see. */
const NOT_FOUND = '没有这封来信，或无权查看 (no such message, or not yours to see)';
/** The public lookup's one answer to every miss: unknown or malformed number, wrong or missing code. */
export const MESSAGE_LOOKUP_NOT_FOUND =
  '未找到该来信：请核对信件编号和查询码 (no message matches this number and code)';
const MAILBOX_NOT_FOUND = '没有这个领导信箱，或无权管理 (no such mailbox, or not yours to manage)';

const actorName = (user: AdminUser): string =>
  [user.lastname, user.firstname].filter(Boolean).join('') || user.username || user.email;
const isSuperAdmin = (user: AdminUser): boolean =>
  (user.roles ?? []).some((role) => role.code === 'strapi-super-admin');

/**
 * 意见箱 and 领导信箱: messages and their steps. Every action is one transaction (the message, its step,
 * its ledger entry, its deadline records); every admin read of a writer's name and contact is in the
 * ledger; the public lookup and rating answer one 404 for every miss. The rules (workflow, abuse) are
 * in ../rules, the time limits in the deadline engine (message-acceptance, message-reply).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => strapi.db.query(MESSAGE_UID);
  const stepRows = () => strapi.db.query(MESSAGE_STEP_UID);
  const mailboxes = () => strapi.db.query(MAILBOX_UID);
  const now = (): Date => getService(strapi, 'clock').now();
  const calendar = async (): Promise<Calendar> => getService(strapi, 'calendar').get();

  const findOrganization = async (value: string) =>
    (await strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { $or: [{ code: value }, { documentId: value }], locale: SOURCE_LOCALE },
      select: ['id', 'documentId', 'code', 'name'],
    })) as OrganizationRef | null;

  const scopeOf = async (actor: MessageActor | SystemActor): Promise<string[] | null> => {
    if (isSystemActor(actor) || isSuperAdmin(actor.user)) return null;
    return (
      (await getService(strapi, 'organization-roles').organizationsInScope(actor.user.id)) ?? []
    );
  };

  const permissionsOf = (actor: MessageActor | SystemActor): MessagePermission[] =>
    MESSAGE_PERMISSION_NAMES.filter(
      (permission) =>
        isSystemActor(actor) || Boolean(actor.ability?.can(MESSAGE_PERMISSIONS[permission]))
    );

  const assertWorksOnMessages = (actor: MessageActor | SystemActor) => {
    if (!permissionsOf(actor).length)
      throw new errors.PolicyError('没有意见箱的权限 (you have no permission for the mailbox)');
  };

  const messageInScope = async (documentId: string, actor: MessageActor | SystemActor) => {
    const row = (await messages().findOne({
      where: { documentId },
      populate: POPULATE,
    })) as MessageRow | null;
    const scope = await scopeOf(actor);
    if (!row || (scope && !scope.includes(row.organization?.documentId ?? '')))
      throw new errors.NotFoundError(NOT_FOUND);
    return row;
  };

  /** The due dates of a message received on `receivedOn`: its office's limits, else the rules'. */
  const dueDatesOf = (receivedOn: string, organizationCode: string, current: Calendar) => {
    const rules = getService(strapi, 'deadlines').rules();
    const dueOn = (id: string): string | null => {
      const rule = rules.find((candidate) => candidate.id === id);
      return rule
        ? computeDue(lengthFor(rule, organizationCode), receivedOn, current).dueDate
        : null;
    };
    return {
      acceptanceDueOn: dueOn('message-acceptance'),
      replyDueOn: dueOn('message-reply'),
    };
  };

  const overdueOf = (row: MessageRow, today: string): boolean => {
    if (row.status === 'received' && row.acceptanceDueOn && today > row.acceptanceDueOn)
      return true;
    return (
      !CONCLUDED_MESSAGE_STATUSES.includes(row.status) &&
      Boolean(row.replyDueOn && today > row.replyDueOn)
    );
  };

  const summaryOf = (row: MessageRow, today: string, current: Calendar): MessageSummary => ({
    documentId: row.documentId,
    number: row.number,
    organization: row.organization
      ? {
          documentId: row.organization.documentId,
          code: row.organization.code,
          name: row.organization.name,
        }
      : null,
    mailbox: row.mailbox
      ? { documentId: row.mailbox.documentId, leaderTitle: row.mailbox.leaderTitle }
      : null,
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    receivedOn: row.receivedOn,
    acceptanceDueOn: row.acceptanceDueOn ?? null,
    replyDueOn: row.replyDueOn ?? null,
    overdue: overdueOf(row, today),
    urgency: messageUrgency(
      {
        status: row.status,
        acceptanceDueOn: row.acceptanceDueOn ?? null,
        replyDueOn: row.replyDueOn ?? null,
      },
      today,
      current
    ),
    flags: row.flags ?? [],
    rating: row.rating ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
  });

  /** The public answer made from a message (its zh-Hans version), and whether it is published. */
  const answerOf = async (messageDocumentId: string) => {
    const rows = (await strapi.db.query(CONTENT_TYPES.publicAnswer).findMany({
      where: { sourceMessage: messageDocumentId, locale: SOURCE_LOCALE },
      select: ['documentId', 'publishedAt'],
    })) as Array<{ documentId: string; publishedAt: string | null }>;
    if (!rows.length) return null;
    return {
      documentId: rows[0].documentId,
      published: rows.some((answer) => answer.publishedAt !== null),
    };
  };

  /** Making a public answer takes approving replies or keeping the mailbox. */
  const mayAnswerPublicly = (actor: MessageActor | SystemActor) =>
    permissionsOf(actor).some((permission) => permission === 'approve' || permission === 'manage');

  const detailOf = async (
    row: MessageRow,
    actor: MessageActor | SystemActor
  ): Promise<MessageDetail> => {
    const publicAnswer = await answerOf(row.documentId);
    const steps = (await stepRows().findMany({
      where: { message: { id: row.id } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    })) as StepRow[];
    return {
      ...summaryOf(row, beijingDate(now()), await calendar()),
      content: row.content,
      writer: { name: row.writerName, contact: row.writerContact },
      consentToPublish: Boolean(row.consentToPublish),
      linkCount: row.linkCount ?? 0,
      repeatOf: row.repeatOf ?? [],
      responsibleOffice: row.responsibleOffice ?? null,
      routedTo: row.routedTo ?? null,
      routeReason: row.routeReason ?? null,
      replyText: row.replyText ?? null,
      sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
      steps: steps.map((step): MessageStep => ({
        kind: step.kind,
        at: new Date(step.at).toISOString(),
        actor: step.actorId || step.actorName ? { id: step.actorId, name: step.actorName } : null,
        details: step.details ?? {},
      })),
      allowedActions: allowedMessageActions(row.status, permissionsOf(actor)),
      publicAnswer,
      mayPublishAnswer: mayAnswerPublicly(actor) && mayPublishAnswer(row, publicAnswer !== null),
    };
  };

  const writeStep = (
    row: MessageRow,
    kind: MessageStepKind,
    at: Date,
    actor: MessageActor | SystemActor | null,
    details: Record<string, unknown>
  ) =>
    stepRows().create({
      data: {
        message: row.id,
        kind,
        at,
        actorId: actor && !isSystemActor(actor) ? actor.user.id : null,
        actorName: !actor ? null : isSystemActor(actor) ? actor.name : actorName(actor.user),
        details,
      },
    });

  /** The fields an action sets besides its status, and what its step records (never the writer's data). */
  const changesFor = (
    action: MessageAction,
    body: Record<string, unknown>,
    at: Date
  ): { data: Record<string, unknown>; details: Record<string, unknown> } => {
    switch (action) {
      case 'accept':
        return { data: { decidedAt: at }, details: {} };
      case 'route': {
        const { routedTo, reason } = body as MessageActionBodies['route'];
        return {
          data: { decidedAt: at, routedTo, routeReason: reason },
          details: { routedTo, reason },
        };
      }
      case 'assign': {
        const { responsibleOffice } = body as MessageActionBodies['assign'];
        return { data: { responsibleOffice }, details: { responsibleOffice } };
      }
      case 'draft-reply':
        return {
          data: { replyText: (body as MessageActionBodies['draft-reply']).text },
          details: {},
        };
      case 'send':
        return { data: { sentAt: at }, details: {} };
      default:
        return { data: {}, details: {} };
    }
  };

  const mailboxesInScope = async (actor: MessageActor) => {
    const scope = await scopeOf(actor);
    return scope ? { organization: { documentId: { $in: scope } } } : {};
  };

  const publicMailbox = (row: MailboxRow): PublicMailbox => ({
    documentId: row.documentId,
    leaderTitle: row.leaderTitle,
  });

  return {
    /**
     * POST /api/disclosure/messages: a message, numbered per organization and year, received the day
     * it arrives (online: both sides have it). Flagged, never refused, when the honeypot is filled or
     * the same text reached the office lately.
     */
    async intake(input: MessageIntakeInput, system?: SystemActor) {
      const organization = await findOrganization(input.organization);
      if (!organization)
        return refuse(
          'organization',
          `收信机关 (organization) 不存在：${input.organization} (no organization with this code or documentId)`
        );
      let mailbox: MailboxRow | null = null;
      if (input.mailbox) {
        mailbox = (await mailboxes().findOne({
          where: {
            documentId: input.mailbox,
            active: true,
            organization: { id: organization.id },
          },
        })) as MailboxRow | null;
        if (!mailbox)
          return refuse(
            'mailbox',
            `领导信箱 (mailbox) 不存在或未开放：${input.mailbox} (no open mailbox of this organization with this id)`
          );
      }
      // The seed places a message on its own day; a request always arrives now.
      const at = system?.at ?? now();
      const receivedOn = beijingDate(at);
      const year = beijingYear(at);
      const code = newLookupCode();
      const current = await calendar();
      const fingerprint = messageFingerprint(input.subject, input.content);
      const honeypot = honeypotFilled((input as Record<string, unknown>)[HONEYPOT_FIELD]);
      const row = await strapi.db.transaction(async () => {
        const sequence = await nextSequence(strapi, MESSAGE_UID, organization.id, year);
        const earlier = (await messages().findMany({
          where: {
            organization: { id: organization.id },
            fingerprint,
            receivedOn: { $gte: addCalendarDays(receivedOn, -REPEAT_WINDOW_DAYS) },
          },
          select: ['number'],
          orderBy: { id: 'asc' },
          limit: 10,
        })) as Array<{ number: string }>;
        const flags: MessageFlag[] = [
          ...(honeypot ? (['honeypot'] as const) : []),
          ...(earlier.length ? (['repeated'] as const) : []),
        ];
        const created = (await messages().create({
          data: {
            number: caseNumber(organization.code, year, sequence),
            organization: organization.id,
            mailbox: mailbox?.id ?? null,
            year,
            sequence,
            lookupCodeHash: hashLookupCode(code),
            kind: input.kind,
            subject: input.subject,
            content: input.content,
            writerName: input.name,
            writerContact: input.contact,
            consentToPublish: input.consentToPublish,
            status: 'received',
            submittedAt: at,
            receivedOn,
            ...dueDatesOf(receivedOn, organization.code, current),
            linkCount: countLinks(input.subject, input.content),
            fingerprint,
            flags,
            repeatOf: earlier.map((message) => message.number),
          },
        })) as MessageRow;
        await writeStep(created, 'receive', at, system ?? null, flags.length ? { flags } : {});
        await getService(strapi, 'deadlines').refresh(MESSAGE_UID, created.documentId);
        return created;
      });
      return { number: row.number, code, status: 'received' as const };
    },

    /** GET /api/disclosure/messages/:number?code=: what the writer may know, or one 404 for every miss. */
    async lookup(number: string, code: string): Promise<MessageLookupAnswer['data']> {
      const row = await findByLookupCode<MessageRow>(strapi, MESSAGE_UID, number, code);
      if (!row) throw new errors.NotFoundError(MESSAGE_LOOKUP_NOT_FOUND);
      const sent = row.status === 'sent';
      const routed = row.status === 'routed';
      return {
        number: row.number,
        kind: row.kind,
        subject: row.subject,
        status: row.status,
        receivedOn: row.receivedOn,
        replyDueOn: routed ? null : (row.replyDueOn ?? null),
        routedTo: routed ? (row.routedTo ?? null) : null,
        routeReason: routed ? (row.routeReason ?? null) : null,
        reply: sent ? (row.replyText ?? null) : null,
        sentAt: sent && row.sentAt ? new Date(row.sentAt).toISOString() : null,
        rating: row.rating ?? null,
      };
    },

    /**
     * POST /api/disclosure/messages/:number/rating: the writer rates the sent reply once. A miss is
     * the lookup's 404; a message not yet answered, or already rated, a 400.
     */
    async rate(number: string, code: string, satisfied: boolean) {
      const found = await findByLookupCode<MessageRow>(strapi, MESSAGE_UID, number, code);
      if (!found) throw new errors.NotFoundError(MESSAGE_LOOKUP_NOT_FOUND);
      const rating: MessageRating = satisfied ? 'satisfied' : 'dissatisfied';
      await strapi.db.transaction(async () => {
        await lockWithinTransaction(strapi, `${MESSAGE_UID}:${found.documentId}`);
        const row = (await messages().findOne({ where: { id: found.id } })) as MessageRow;
        if (row.status !== 'sent')
          refuse('satisfied', '答复发出后才能评价 (the reply can be rated once it is sent)');
        if (row.rating)
          refuse('satisfied', '已评价过，不能再次评价 (the reply has been rated already)');
        await messages().update({ where: { id: row.id }, data: { rating, ratedAt: now() } });
      });
      return { number: found.number, rating };
    },

    /** GET /api/disclosure/mailboxes?organization=: an organization's open leaders' mailboxes. */
    async publicMailboxes(organizationValue: string): Promise<PublicMailbox[]> {
      const organization = await findOrganization(organizationValue);
      if (!organization) return [];
      const rows = (await mailboxes().findMany({
        where: { organization: { id: organization.id }, active: true },
        orderBy: [{ id: 'asc' }],
      })) as MailboxRow[];
      return rows.map(publicMailbox);
    },

    /** GET /disclosure/messages: the account's organizations' messages, filtered, a page at a time. */
    async list(query: MessageListInput, actor: MessageActor): Promise<MessageListAnswer> {
      assertWorksOnMessages(actor);
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
      if (query.kind) where.push({ kind: query.kind });
      const today = beijingDate(now());
      if (query.overdue !== undefined) {
        const overdue = {
          $or: [
            { status: 'received', acceptanceDueOn: { $lt: today } },
            {
              status: { $notIn: [...CONCLUDED_MESSAGE_STATUSES] },
              replyDueOn: { $lt: today },
            },
          ],
        };
        where.push(query.overdue ? overdue : { $not: overdue });
      }
      const filter = where.length ? { $and: where } : {};
      const { page, pageSize } = query;
      const current = await calendar();
      const [rows, total] = await Promise.all([
        messages().findMany({
          where: filter,
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          populate: POPULATE,
        }) as Promise<MessageRow[]>,
        messages().count({ where: filter }) as Promise<number>,
      ]);
      return {
        data: rows.map((row) => summaryOf(row, today, current)),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /**
     * GET /disclosure/messages/statistics: the month's figures of the named organization, or of every
     * organization of the account's (all, for a super admin), one row each and their total.
     */
    /** GET /disclosure/messages/organizations: the account's organizations (all for a super admin). */
    async organizations(actor: MessageActor): Promise<OrganizationOption[]> {
      assertWorksOnMessages(actor);
      const scope = await scopeOf(actor);
      return getService(strapi, 'organization-roles').organizationOptions(
        actor.user.id,
        (documentId) => !scope || scope.includes(documentId)
      );
    },

    async statistics(
      query: Pick<MessageStatisticsInput, 'organization' | 'month'>,
      actor: MessageActor
    ): Promise<MessageStatistics> {
      assertWorksOnMessages(actor);
      const scope = await scopeOf(actor);
      let within: string[] | null = scope;
      if (query.organization) {
        const organization = await findOrganization(query.organization);
        if (!organization) organizationNotFound(query.organization);
        if (scope)
          await getService(strapi, 'organization-roles').assertOrganizationInScope(
            scope,
            query.organization
          );
        within = [organization!.documentId];
      }
      return monthStatistics(strapi, query.month, within, beijingDate(now()));
    },

    /** GET /disclosure/messages/:documentId: the message with the writer's data; the read is in the ledger. */
    async detail(documentId: string, actor: MessageActor): Promise<MessageDetail> {
      assertWorksOnMessages(actor);
      const row = await messageInScope(documentId, actor);
      await getService(strapi, 'ledger').record({
        action: 'personal-data-read',
        outcome: 'allowed',
        contentType: MESSAGE_UID,
        itemDocumentId: row.documentId,
        // The message's number, never the writer's name: the ledger is read by auditors.
        title: row.number,
      });
      return detailOf(row, actor);
    },

    /**
     * POST /disclosure/messages/:documentId/actions/:action: in one transaction, the rules' check, the
     * message's new state, its step and ledger entry, and its deadline records; a refusal writes nothing.
     */
    async act<A extends MessageAction>(
      documentId: string,
      action: A,
      body: MessageActionBodies[A],
      actor: MessageActor | SystemActor
    ): Promise<MessageDetail> {
      assertWorksOnMessages(actor);
      const row = await messageInScope(documentId, actor);
      const permission = MESSAGE_ACTION_RULES[action].permission;
      if (!permissionsOf(actor).includes(permission))
        throw new errors.PolicyError(
          `没有执行此操作（${action}）的权限 (you may not ${action} messages: it takes the messages.${permission} permission)`
        );
      const at = (isSystemActor(actor) && actor.at) || now();
      await strapi.db.transaction(async () => {
        await lockWithinTransaction(strapi, `${MESSAGE_UID}:${row.documentId}`);
        const fresh = (await messages().findOne({ where: { id: row.id } })) as MessageRow;
        const fields = body as Record<string, unknown>;
        const to = ruled(() => checkMessageAction(fresh.status, action, fields));
        const { data, details } = changesFor(action, fields, at);
        await messages().update({ where: { id: fresh.id }, data: { ...data, status: to } });
        await writeStep(fresh, action, at, actor, details);
        await getService(strapi, 'ledger').record({
          action: 'case-step',
          outcome: 'allowed',
          contentType: MESSAGE_UID,
          itemDocumentId: fresh.documentId,
          title: fresh.number,
          rules: [action],
        });
        await getService(strapi, 'deadlines').refresh(MESSAGE_UID, fresh.documentId);
      });
      return detailOf(await messageInScope(documentId, actor), actor);
    },

    /**
     * POST /disclosure/messages/:documentId/public-answer: the message's public answer (公众问答) as a
     * zh-Hans draft (zh-Hant follows), with who confirmed its text holds no personal data and when; in
     * one transaction with its step and ledger entry. Published later through the content manager,
     * where the publication gate asks for that confirmation and the confidentiality review.
     */
    async publishAnswer(
      documentId: string,
      input: PublicAnswerInput,
      actor: MessageActor | SystemActor
    ): Promise<MessageDetail> {
      assertWorksOnMessages(actor);
      const row = await messageInScope(documentId, actor);
      if (!mayAnswerPublicly(actor))
        throw new errors.PolicyError(
          '没有发布公众问答的权限 (making a public answer takes the messages.approve or messages.manage permission)'
        );
      const at = (isSystemActor(actor) && actor.at) || now();
      const text = { subject: input.subject, question: input.question, reply: input.reply };
      await strapi.db.transaction(async () => {
        await lockWithinTransaction(strapi, `${MESSAGE_UID}:${row.documentId}`);
        const fresh = (await messages().findOne({ where: { id: row.id } })) as MessageRow;
        ruled(() => checkAnswerSource(fresh));
        ruled(() => checkPersonalDataRemoved(fresh, text));
        if (await answerOf(fresh.documentId))
          refuse(
            'documentId',
            '这封来信已发布为公众问答，请在内容管理中修改 (this message already has a public answer: edit it in the content manager)'
          );
        // The route has checked the account's permission and the message's organization: the draft is
        // written as the system would, not held to content-manager permissions the mailbox roles lack.
        await outsideRequest(strapi, () =>
          strapi.documents(CONTENT_TYPES.publicAnswer).create({
            locale: SOURCE_LOCALE,
            data: {
              ...text,
              kind: fresh.kind as PublicAnswerKind,
              organization: row.organization?.documentId ?? null,
              askedOn: fresh.receivedOn,
              repliedOn: fresh.sentAt ? beijingDate(new Date(fresh.sentAt)) : undefined,
              sourceMessage: fresh.documentId,
              personalDataRemovedBy: isSystemActor(actor)
                ? (actor.name ?? '系统')
                : actorName(actor.user),
              personalDataRemovedAt: at.toISOString(),
            },
          })
        );
        await writeStep(fresh, 'public-answer', at, actor, {});
        await getService(strapi, 'ledger').record({
          action: 'case-step',
          outcome: 'allowed',
          contentType: MESSAGE_UID,
          itemDocumentId: fresh.documentId,
          title: fresh.number,
          rules: ['public-answer'],
        });
      });
      return detailOf(await messageInScope(documentId, actor), actor);
    },

    /** GET /disclosure/mailboxes: the leaders' mailboxes of the account's organizations. */
    async mailboxList(actor: MessageActor) {
      assertWorksOnMessages(actor);
      const rows = (await mailboxes().findMany({
        where: await mailboxesInScope(actor),
        orderBy: [{ id: 'asc' }],
        populate: { organization: { select: ['id', 'documentId', 'code', 'name'] } },
      })) as MailboxRow[];
      return rows.map((row) => ({
        ...publicMailbox(row),
        active: row.active,
        organization: row.organization
          ? {
              documentId: row.organization.documentId,
              code: row.organization.code,
              name: row.organization.name,
            }
          : null,
      }));
    },

    /** POST /disclosure/mailboxes: who keeps the mailbox (manage) opens one for an organization in scope. */
    async createMailbox(
      input: { organization: string; leaderTitle: string; active: boolean },
      actor: MessageActor
    ) {
      if (!permissionsOf(actor).includes('manage'))
        throw new errors.PolicyError(
          '没有管理领导信箱的权限 (managing mailboxes takes the messages.manage permission)'
        );
      const organization = await findOrganization(input.organization);
      const scope = await scopeOf(actor);
      if (!organization || (scope && !scope.includes(organization.documentId)))
        return refuse(
          'organization',
          `机构 (organization) 不存在或不在本账号的机构范围内：${input.organization} (no such organization in your scope)`
        );
      const created = (await mailboxes().create({
        data: {
          organization: organization.id,
          leaderTitle: input.leaderTitle,
          active: input.active,
        },
      })) as MailboxRow;
      return { ...publicMailbox(created), active: created.active };
    },

    /** PUT /disclosure/mailboxes/:documentId: the title, or closing it (its messages stay). */
    async updateMailbox(
      documentId: string,
      input: { leaderTitle?: string; active?: boolean },
      actor: MessageActor
    ) {
      if (!permissionsOf(actor).includes('manage'))
        throw new errors.PolicyError(
          '没有管理领导信箱的权限 (managing mailboxes takes the messages.manage permission)'
        );
      const row = (await mailboxes().findOne({
        where: { documentId, ...(await mailboxesInScope(actor)) },
      })) as MailboxRow | null;
      if (!row) throw new errors.NotFoundError(MAILBOX_NOT_FOUND);
      const data: Record<string, unknown> = {};
      if (input.leaderTitle !== undefined) data.leaderTitle = input.leaderTitle;
      if (input.active !== undefined) data.active = input.active;
      const updated = (await mailboxes().update({ where: { id: row.id }, data })) as MailboxRow;
      return { ...publicMailbox(updated), active: updated.active };
    },
  };
};
