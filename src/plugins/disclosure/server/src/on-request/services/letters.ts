import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AlignmentType, Packer, Paragraph } from 'docx';
import { CONTENT_TYPES, LETTER_TEMPLATE_UID, SOURCE_LOCALE } from '../../../../shared/constants';
import type {
  ApplicationDetail,
  LetterKind,
  LetterTemplate,
  Outcome,
  OutcomeReason,
} from '../../../../shared/contracts/on-request';
import { beijingDate } from '../../calendar/rules/beijing-time';
import {
  BODY_LINE,
  TWO_CHARACTERS,
  bodyRun,
  officialDocument,
} from '../../utils/official-document';
import type { AdminUser } from '../../utils/request-state';
import { refuse } from '../../utils/validation';
import { getService } from '../../utils/get-service';
import {
  DEFAULT_TEMPLATES,
  LetterError,
  TEMPLATE_KEYS,
  checkTemplate,
  letterDateOf,
  letterValues,
  parseTemplateKey,
  renderLetter,
  templateKey,
  type LetterTemplateKey,
  type LetterText,
} from '../rules/letters';

/** A stored template row (plugin::disclosure.letter-template). */
interface LetterTemplateRow {
  id: number;
  key: string;
  scope: string;
  title: string;
  body: string;
}

/** The office-wide wording's scope; an organization's is its documentId. */
const OFFICE_WIDE = '*';
const scopeOf = (key: LetterTemplateKey, organizationId?: string | null): string =>
  `${key}@${organizationId || OFFICE_WIDE}`;

const OUT_OF_SCOPE =
  '只能查看和修改本机构及下级机构的文书模板 (you may only read or change the letter templates of your organization and those below it)';

/** A unique-index refusal, on either database (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT…). */
const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

/** The parts of a letter, as both the online text and the .docx lay them out. */
interface ComposedLetter {
  title: string;
  numberLine: string;
  paragraphs: string[];
  organizationName: string;
  date: string;
}

/**
 * 依申请公开文书: the letters a case sends, from the office's wording (an organization's own, else the
 * office-wide one, else the built-in default), as text for the applicant online and as a .docx to edit,
 * print and stamp.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(LETTER_TEMPLATE_UID);

  /** The stored rows that may apply to a key, organization's first. */
  const storedFor = async (
    key: LetterTemplateKey,
    organizationId?: string | null
  ): Promise<LetterTemplateRow | null> => {
    const scopes = organizationId ? [scopeOf(key, organizationId), scopeOf(key)] : [scopeOf(key)];
    const found: LetterTemplateRow[] = await rows().findMany({ where: { scope: { $in: scopes } } });
    return scopes.map((scope) => found.find((row) => row.scope === scope)).find(Boolean) ?? null;
  };

  const asTemplate = (key: LetterTemplateKey, row: LetterTemplateRow | null): LetterTemplate => {
    const { kind, outcome, reason } = parseTemplateKey(key)!;
    const wording = row ?? DEFAULT_TEMPLATES[key];
    return {
      key,
      kind,
      outcome,
      reason,
      title: wording.title,
      body: wording.body,
      isDefault: !row,
    };
  };

  /** A key the route names: 404 when it is none. */
  const knownKey = (key: string): LetterTemplateKey => {
    if (!parseTemplateKey(key))
      throw new errors.NotFoundError(`没有这个文书模板：${key} (no such letter template)`);
    return key;
  };

  /** An organization named by documentId: its source-locale row (the relation points at it). */
  const organizationRowId = async (organizationId: string): Promise<number> => {
    const organization: { id: number } | null = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: { documentId: organizationId, locale: SOURCE_LOCALE }, select: ['id'] });
    if (!organization)
      return refuse('organization', `没有这个机构：${organizationId} (no such organization)`);
    return organization.id;
  };

  /**
   * Of the catalogue items named, those the public may read (public-access `publicRows`: published,
   * proactively disclosed), from their published zh-Hans row: never a draft, nor a published item's
   * unpublished edit. A reply is read by the applicant, so it quotes nothing else.
   */
  const publiclyReadable = async (
    documentIds: readonly string[]
  ): Promise<Array<{ documentId: string; title: string; documentNumber?: string | null }>> =>
    documentIds.length
      ? strapi.db.query(CONTENT_TYPES.policyDocument).findMany({
          where: {
            $and: [
              { documentId: { $in: [...new Set(documentIds)] }, locale: SOURCE_LOCALE },
              getService(strapi, 'public-access').publicRows(CONTENT_TYPES.policyDocument),
            ],
          },
          select: ['documentId', 'title', 'documentNumber'],
        })
      : [];

  /**
   * The catalogue items a reply points to, each by title and 文号; an id the public may not read (or
   * that does not exist) is shown as it is, the same either way.
   */
  const publicDocumentTitles = async (documentIds: readonly string[]): Promise<string[]> => {
    if (!documentIds.length) return [];
    const found = await publiclyReadable(documentIds);
    return documentIds.map((documentId) => {
      const item = found.find((row) => row.documentId === documentId);
      if (!item) return documentId;
      return `《${item.title}》${item.documentNumber ? `（${item.documentNumber}）` : ''}`;
    });
  };
  const publicDocumentsText = async (documentIds: readonly string[]): Promise<string> =>
    documentIds.length ? (await publicDocumentTitles(documentIds)).join('、') : '无';

  /** The template key of a letter; the reply before its outcome (or without its reason) is a 400. */
  const keyOf = (
    kind: LetterKind,
    outcome?: Outcome | null,
    reason?: OutcomeReason | null
  ): LetterTemplateKey => {
    try {
      return templateKey(kind, outcome, reason);
    } catch (error) {
      if (error instanceof LetterError) throw new errors.ValidationError(error.message);
      throw error;
    }
  };

  const compose = async (kind: LetterKind, detail: ApplicationDetail): Promise<ComposedLetter> => {
    const key = keyOf(kind, detail.outcome, detail.outcomeReason);
    const organizationName = detail.organization?.name ?? '';
    const today = beijingDate(getService(strapi, 'clock').now());
    // Dated as sent (a letter downloaded again keeps its date); not sent yet: today.
    const date = letterDateOf(kind, detail) ?? today;
    const values = {
      ...letterValues(detail, organizationName, date),
      publicDocuments: await publicDocumentsText(detail.publicDocuments),
    };
    const stored = await storedFor(key, detail.organization?.documentId);
    const wording: LetterText = stored ?? DEFAULT_TEMPLATES[key];
    // The reply as drafted and approved is the reply sent: its text, when the officer wrote one.
    const approved = kind === 'reply' && detail.replyText?.trim() ? detail.replyText : null;
    const letter = renderLetter({ title: wording.title, body: approved ?? wording.body }, values);
    return {
      title: letter.title,
      numberLine: `申请编号：${detail.number}`,
      paragraphs: letter.body
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      organizationName: values.organizationName,
      date: values.today,
    };
  };

  return {
    publicDocumentTitles,

    /**
     * An account naming an organization's wording (`?organization=`): super admins any; other accounts
     * only their own organization and those below it (the scope their on-request cases have), an
     * account without an organization none: a 403 otherwise, the same for an unknown organization.
     * The office-wide wording (no organization) is the settings permission's, which the route checks.
     */
    async assertMayWordFor(user: AdminUser, organizationId?: string | null): Promise<void> {
      if (!organizationId) return;
      if ((user.roles ?? []).some((role) => role.code === 'strapi-super-admin')) return;
      const scope = await getService(strapi, 'organization-roles').organizationsInScope(user.id);
      if (!scope?.includes(organizationId)) throw new errors.PolicyError(OUT_OF_SCOPE);
    },

    /**
     * A reply may cite only catalogue items the public may read (published, proactively disclosed): a
     * 400 naming the first other id. No organization check beyond that: what the public may read, any
     * organization's reply may point to.
     */
    async assertCitable(documentIds: readonly string[]): Promise<void> {
      const found = new Set((await publiclyReadable(documentIds)).map((row) => row.documentId));
      const offending = documentIds.find((documentId) => !found.has(documentId));
      if (offending !== undefined)
        refuse(
          'publicDocuments',
          `已公开信息 (publicDocuments) 中的 ${offending} 不是已发布的主动公开文件 (publicDocuments: ${offending} is not a published, publicly readable policy document)`
        );
    },

    /** The wording of a letter: the organization's stored template, else the office's, else the default. */
    async template(
      kind: LetterKind,
      outcome?: Outcome | null,
      reason?: OutcomeReason | null,
      organizationId?: string | null
    ): Promise<LetterText> {
      const key = keyOf(kind, outcome, reason);
      const stored = await storedFor(key, organizationId);
      return stored ? { title: stored.title, body: stored.body } : DEFAULT_TEMPLATES[key];
    },

    /** The letter as the applicant reads it online: the title, and the body with its number and signature. */
    async text(kind: LetterKind, detail: ApplicationDetail): Promise<LetterText> {
      const letter = await compose(kind, detail);
      return {
        title: letter.title,
        body: [
          letter.numberLine,
          '',
          ...letter.paragraphs,
          '',
          letter.organizationName,
          letter.date,
        ].join('\n'),
      };
    },

    /** The letter as a .docx the office edits, prints and stamps (Word and WPS). */
    async document(kind: LetterKind, detail: ApplicationDetail): Promise<Buffer> {
      const letter = await compose(kind, detail);
      const signature = (text: string) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: TWO_CHARACTERS },
          spacing: BODY_LINE,
          children: [bodyRun(text)],
        });
      const document = officialDocument({
        creator: letter.organizationName,
        title: letter.title,
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...BODY_LINE, after: 320 },
            children: [bodyRun(letter.numberLine)],
          }),
          ...letter.paragraphs.map(
            (text, index) =>
              new Paragraph({
                spacing: BODY_LINE,
                // The salutation ("某某：") stands at the margin; every other paragraph is indented.
                indent:
                  index === 0 && /[：:]$/.test(text)
                    ? undefined
                    : { firstLine: TWO_CHARACTERS, firstLineChars: 200 },
                alignment: AlignmentType.JUSTIFIED,
                children: [bodyRun(text)],
              })
          ),
          // Room for the seal, which is stamped over the organization's name and the date.
          new Paragraph({ spacing: BODY_LINE, children: [] }),
          new Paragraph({ spacing: BODY_LINE, children: [] }),
          signature(letter.organizationName),
          signature(letter.date),
        ],
      });
      return Packer.toBuffer(document);
    },

    /** Every template key with its effective wording (an organization's, when one is named). */
    async list(organizationId?: string | null): Promise<LetterTemplate[]> {
      if (organizationId) await organizationRowId(organizationId);
      const stored: LetterTemplateRow[] = await rows().findMany({
        where: {
          scope: {
            $in: TEMPLATE_KEYS.flatMap((key) =>
              organizationId ? [scopeOf(key, organizationId), scopeOf(key)] : [scopeOf(key)]
            ),
          },
        },
      });
      return TEMPLATE_KEYS.map((key) =>
        asTemplate(
          key,
          stored.find((row) => row.scope === scopeOf(key, organizationId)) ??
            stored.find((row) => row.scope === scopeOf(key)) ??
            null
        )
      );
    },

    /**
     * Stores the wording of one letter (office-wide, or an organization's). Refused with a 400 naming
     * the field and the placeholder when checkTemplate finds a problem; one row per key and scope.
     */
    async save(
      key: string,
      input: LetterText,
      organizationId?: string | null
    ): Promise<LetterTemplate> {
      knownKey(key);
      const [problem] = checkTemplate(input, key);
      if (problem) refuse(problem.field, problem.message);
      const organization = organizationId ? await organizationRowId(organizationId) : null;
      const scope = scopeOf(key, organizationId);
      const data = { key, scope, title: input.title, body: input.body, organization };
      const update = async (): Promise<LetterTemplateRow | null> => {
        const existing: LetterTemplateRow | null = await rows().findOne({ where: { scope } });
        return existing ? rows().update({ where: { id: existing.id }, data }) : null;
      };
      let row = await update();
      if (!row) {
        try {
          row = (await rows().create({ data })) as LetterTemplateRow;
        } catch (error) {
          // Two saves raced past the look-up: the unique index kept one row; this save updates it.
          if (!isUniqueViolation(error)) throw error;
          row = await update();
          if (!row) throw error;
        }
      }
      return asTemplate(key, row);
    },

    /** Back to the default (or, for an organization, to the office-wide wording): the wording now in force. */
    async reset(key: string, organizationId?: string | null): Promise<LetterTemplate> {
      knownKey(key);
      if (organizationId) await organizationRowId(organizationId);
      await rows().deleteMany({ where: { scope: scopeOf(key, organizationId) } });
      return asTemplate(key, await storedFor(key, organizationId));
    },
  };
};
