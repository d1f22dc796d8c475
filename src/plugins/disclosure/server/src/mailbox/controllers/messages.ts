import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  MessageAction,
  MessageActionBodies,
  MessageDetail,
  MessageIntakeAnswer,
  MessageListAnswer,
  MessageLookupAnswer,
  MessageRatingAnswer,
  MessageOrganizationsAnswer,
  MessageStatisticsAnswer,
  PublicMailboxesAnswer,
} from '../../../../shared/contracts/mailbox';
import { getService } from '../../utils/get-service';
import type { RequestState } from '../../utils/request-state';
import { LOOKUP_CODE_HEADER, lookupCodeOf, lookupParams, validate } from '../../utils/validation';
import type { MessageActor } from '../services/messages';
import {
  ACTION_BODIES,
  actionParams,
  intakeBody,
  listQuery,
  mailboxCreateBody,
  mailboxUpdateBody,
  mailboxesQuery,
  messageParams,
  publicAnswerBody,
  ratingBody,
  statisticsQuery,
} from '../validation/messages';
import { statisticsTitle, statisticsXlsx } from '../services/message-statistics';
import { attachment } from '../../utils/download';

/** The signed-in admin account (the routes' policy has required one) and its permissions. */
const actorOf = (ctx: Context): MessageActor => {
  const state = ctx.state as RequestState;
  return { user: state.user!, ability: state.userAbility ?? null };
};

/** 意见箱 and 领导信箱: the public's writing in, lookup and rating, and the offices' messages. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => getService(strapi, 'messages');
  return {
    async intake(ctx: Context) {
      const { data } = validate(intakeBody, ctx.request.body);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await messages().intake(data) } satisfies MessageIntakeAnswer;
    },

    async lookup(ctx: Context) {
      const { number } = validate(lookupParams, ctx.params);
      const code = lookupCodeOf(ctx.query, ctx.get(LOOKUP_CODE_HEADER));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await messages().lookup(number, code) } satisfies MessageLookupAnswer;
    },

    async rate(ctx: Context) {
      const { number } = validate(lookupParams, ctx.params);
      const { data } = validate(ratingBody, ctx.request.body);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await messages().rate(number, data.code, data.satisfied),
      } satisfies MessageRatingAnswer;
    },

    async publicMailboxes(ctx: Context) {
      const { organization } = validate(mailboxesQuery, ctx.query);
      // Not kept by the response cache, which does not watch the mailboxes: a closed one goes at once.
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await messages().publicMailboxes(organization),
      } satisfies PublicMailboxesAnswer;
    },

    async list(ctx: Context) {
      const query = validate(listQuery, ctx.query);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = (await messages().list(query, actorOf(ctx))) satisfies MessageListAnswer;
    },

    async organizations(ctx: Context) {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await messages().organizations(actorOf(ctx)),
      } satisfies MessageOrganizationsAnswer;
    },

    async statistics(ctx: Context) {
      const { organization, month, format } = validate(statisticsQuery, ctx.query);
      const data = await messages().statistics({ organization, month }, actorOf(ctx));
      ctx.set('Cache-Control', 'private, no-store');
      if (format !== 'xlsx') {
        ctx.body = { data } satisfies MessageStatisticsAnswer;
        return;
      }
      // 2026年3月意见箱来信统计.xlsx (with the organization's code when one is named).
      const named = organization && data.organizations[0]?.organization.code;
      const prefix = named ? `${named}-` : '';
      attachment(
        ctx,
        `${prefix}${statisticsTitle(month)}.xlsx`,
        `${prefix}${month}-message-statistics.xlsx`
      );
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = await statisticsXlsx(data);
    },

    async detail(ctx: Context) {
      const { documentId } = validate(messageParams, ctx.params);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await messages().detail(documentId, actorOf(ctx)),
      } satisfies { data: MessageDetail };
    },

    async act(ctx: Context) {
      const { documentId, action } = validate(actionParams, ctx.params) as {
        documentId: string;
        action: MessageAction;
      };
      const { data } = validate(ACTION_BODIES[action], ctx.request.body) as {
        data: MessageActionBodies[typeof action];
      };
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await messages().act(documentId, action, data, actorOf(ctx)),
      } satisfies { data: MessageDetail };
    },

    async publicAnswer(ctx: Context) {
      const { documentId } = validate(messageParams, ctx.params);
      const { data } = validate(publicAnswerBody, ctx.request.body);
      ctx.status = 201;
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await messages().publishAnswer(documentId, data, actorOf(ctx)),
      } satisfies { data: MessageDetail };
    },

    async mailboxes(ctx: Context) {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await messages().mailboxList(actorOf(ctx)) };
    },

    async createMailbox(ctx: Context) {
      const { data } = validate(mailboxCreateBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await messages().createMailbox(data, actorOf(ctx)) };
    },

    async updateMailbox(ctx: Context) {
      const { documentId } = validate(messageParams, ctx.params);
      const { data } = validate(mailboxUpdateBody, ctx.request.body);
      ctx.body = { data: await messages().updateMailbox(documentId, data, actorOf(ctx)) };
    },
  };
};
