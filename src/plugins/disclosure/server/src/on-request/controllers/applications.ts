import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  ActionBodies,
  ApplicationAction,
  ApplicationDetail,
  ApplicationIntakeAnswer,
  ApplicationLetterTextAnswer,
  ApplicationListAnswer,
  ApplicationLookupAnswer,
} from '../../../../shared/contracts/on-request';
import { LETTER_KIND_WORDS } from '../../../../shared/words';
import { attachment } from '../../utils/download';
import { getService } from '../../utils/get-service';
import type { RequestState } from '../../utils/request-state';
import { LOOKUP_CODE_HEADER, lookupCodeOf, lookupParams, validate } from '../../utils/validation';
import {
  ACTION_BODIES,
  actionParams,
  caseParams,
  intakeBody,
  letterParams,
  letterQuery,
  listQuery,
  registerBody,
} from '../validation/applications';
import type { ApplicationActor } from '../services/applications';

/** The signed-in admin account (the routes' policy has required one) and its permissions. */
const actorOf = (ctx: Context): ApplicationActor => {
  const state = ctx.state as RequestState;
  return { user: state.user!, ability: state.userAbility ?? null };
};

/** 依申请公开: the public intake and lookup, and the offices' cases. Validate, call the service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const applications = () => getService(strapi, 'applications');
  return {
    async intake(ctx: Context) {
      const { data } = validate(intakeBody, ctx.request.body);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await applications().intake(data) } satisfies ApplicationIntakeAnswer;
    },

    async lookup(ctx: Context) {
      const { number } = validate(lookupParams, ctx.params);
      const code = lookupCodeOf(ctx.query, ctx.get(LOOKUP_CODE_HEADER));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await applications().lookup(number, code),
      } satisfies ApplicationLookupAnswer;
    },

    async list(ctx: Context) {
      const query = validate(listQuery, ctx.query);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = (await applications().list(query, actorOf(ctx))) satisfies ApplicationListAnswer;
    },

    async register(ctx: Context) {
      const { data } = validate(registerBody, ctx.request.body);
      const { detail, code } = await applications().register(data, actorOf(ctx));
      ctx.status = 201;
      ctx.set('Cache-Control', 'private, no-store');
      // The lookup code is shown this once, for the office to give the applicant with the receipt.
      ctx.body = { data: detail, meta: { code } } satisfies {
        data: ApplicationDetail;
        meta: { code: string };
      };
    },

    async detail(ctx: Context) {
      const { documentId } = validate(caseParams, ctx.params);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await applications().detail(documentId, actorOf(ctx)),
      } satisfies { data: ApplicationDetail };
    },

    /** A letter of the case: the .docx to download, or its text (`?format=text`). */
    async letter(ctx: Context) {
      const { documentId, kind } = validate(letterParams, ctx.params);
      const { format } = validate(letterQuery, ctx.query);
      const letter = await applications().letter(documentId, kind, format, actorOf(ctx));
      ctx.set('Cache-Control', 'private, no-store');
      if (letter.format === 'text') {
        ctx.body = {
          data: { kind, title: letter.title, body: letter.body },
        } satisfies ApplicationLetterTextAnswer;
        return;
      }
      // Named in Chinese (申请编号-答复书.docx) for the browsers that read filename* (RFC 6266), which
      // is all of them now; the plain filename, which a header can only carry in ASCII, is the fallback.
      const fallback = `${letter.number}-${kind}.docx`;
      const filename = `${letter.number}-${LETTER_KIND_WORDS[kind]['zh-Hans']}.docx`;
      ctx.type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      attachment(ctx, filename, fallback);
      ctx.body = letter.document;
    },

    async act(ctx: Context) {
      const { documentId, action } = validate(actionParams, ctx.params) as {
        documentId: string;
        action: ApplicationAction;
      };
      // Each action's schema gives its contract body (validation/applications: one per action).
      const { data } = validate(ACTION_BODIES[action], ctx.request.body) as {
        data: ActionBodies[typeof action];
      };
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = {
        data: await applications().act(documentId, action, data, actorOf(ctx)),
      } satisfies { data: ApplicationDetail };
    },
  };
};
