import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../../../shared/constants';
import { beijingDate, beijingYear, isIsoDate } from '../../calendar/rules/beijing-time';
import { repealedOnFor } from '../rules/repeal-date';
import { checkDisclosureDecision, type DisclosureDecision } from '../rules/disclosure-attribute';
import { DOCUMENT_NUMBER_RULE, parseDocumentNumber } from '../rules/document-number';
import { indexNumberPrefix, nextIndexNumber } from '../rules/index-number';
import { RelationTarget, singleRelationTarget } from '../../utils/relations';
import { throwIfViolated, violation } from '../../errors/rule-violations';
import { issuerDocumentNumber, uniqueClashMessage } from '../../errors/rules/unique-constraints';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import { webAddressMessage } from '../../errors/rules/validation-messages';
import { isWebAddress } from '../../../../shared/web-address';
import { getService } from '../../utils/get-service';
import type { DocumentParams } from '../../utils/capability';

type WriteParams = Pick<DocumentParams, 'documentId' | 'data'>;
interface OrganizationRef {
  id: number;
  documentId: string;
  code: string;
}

/**
 * A policy document's fields these rules read and set, typed as its schema has them: in a write, as
 * sent (Strapi validates them after the middlewares); other fields pass through untouched.
 */
interface CatalogueFields extends DisclosureDecision {
  documentNumber?: string | null;
  indexNumber?: string | null;
  issuerDocumentNumber?: string | null;
  issueDate?: string | null;
  writtenDate?: string | null;
  reprintedFromUrl?: string | null;
  [field: string]: unknown;
}
type Data = CatalogueFields;

/** The stored draft, with its issuer. */
interface StoredDraft extends CatalogueFields {
  issuingOrganization?: OrganizationRef | null;
}

const DOC = CONTENT_TYPES.policyDocument;
const ORG = CONTENT_TYPES.organization;

/**
 * Catalogue rules for policy documents (政策文件): canonical 文号, unique per issuer; 索引号 generated
 * from the issuer's code; a lawful reason for anything not proactive; an http(s) link to a reprint's
 * original. (What may be published is the publication gate's decision.)
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now() as Date;

  const findOrganization = async (target: RelationTarget): Promise<OrganizationRef | null> =>
    strapi.db.query(ORG).findOne({ where: target, select: ['id', 'documentId', 'code'] });

  /** The draft as stored (any locale: the fields these rules read are not localized). */
  const findDraft = async (documentId: string): Promise<StoredDraft | null> =>
    strapi.db.query(DOC).findOne({
      where: { documentId, publishedAt: null },
      populate: { issuingOrganization: { select: ['id', 'documentId', 'code'] } },
    });

  const normalizeDocumentNumber = (data: Data): void => {
    if (!('documentNumber' in data)) return;
    const raw =
      typeof data.documentNumber === 'string' ? data.documentNumber.trim() : data.documentNumber;
    if (raw === null || raw === undefined || raw === '') {
      data.documentNumber = null;
      return;
    }
    const parsed = parseDocumentNumber(raw, beijingYear(now()) + 1);
    if (!parsed)
      throwIfViolated([violation('documentNumber', `${DOCUMENT_NUMBER_RULE}: “${raw}”`)]);
    data.documentNumber = parsed!.normalized;
  };

  /** A reprint's link back to its original (转载来源链接) is shown as a link, here and on municipal sites. */
  const assertReprintAddress = (data: Data): void => {
    const value = data.reprintedFromUrl;
    if (value === undefined || value === null || value === '' || isWebAddress(value)) return;
    throwIfViolated([violation('reprintedFromUrl', webAddressMessage(['reprintedFromUrl']))]);
  };

  /** The repeal date defaulted or cleared with the validity (rules/repeal-date). */
  const setRepealDate = (current: StoredDraft | null, data: Data): void => {
    const repealedOn = repealedOnFor(current, data, beijingDate(now()));
    if (repealedOn !== undefined) data.repealedOn = repealedOn;
  };

  const resolveIssuer = async (data: Data, current?: OrganizationRef | null) => {
    const target = singleRelationTarget(data.issuingOrganization);
    if (target === undefined) return current ?? null;
    if (target === null) return null;
    const issuer = await findOrganization(target);
    if (!issuer) {
      throwIfViolated([
        violation('issuingOrganization', '发布机构不存在 (issuingOrganization not found)'),
      ]);
    }
    return issuer;
  };

  const assertDocumentNumberFree = async (
    documentNumber: string | null | undefined,
    issuer: OrganizationRef,
    documentId?: string
  ) => {
    if (!documentNumber) return;
    const clash = await strapi.db.query(DOC).findOne({
      select: ['documentId'],
      where: {
        documentNumber,
        issuingOrganization: { id: issuer.id },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
    });
    if (clash) {
      throwIfViolated([
        violation('documentNumber', uniqueClashMessage.documentNumber(documentNumber)),
      ]);
    }
  };

  /**
   * The next 索引号 of the issuer, in the year the document is dated: its issue or written date, else
   * the year of its 文号, else this year in Beijing.
   */
  const generateIndexNumber = async (issuer: OrganizationRef, data: Data): Promise<string> => {
    const dated = [data.issueDate, data.writtenDate].find((date): date is string =>
      isIsoDate(date)
    );
    const year = dated
      ? Number(dated.slice(0, 4))
      : (parseDocumentNumber(data.documentNumber)?.year ?? beijingYear(now()));
    const highest: { indexNumber: string | null } | null = await strapi.db.query(DOC).findOne({
      select: ['indexNumber'],
      where: { indexNumber: { $startsWith: indexNumberPrefix(issuer.code, year) } },
      orderBy: { indexNumber: 'desc' },
    });
    return nextIndexNumber(issuer.code, year, highest?.indexNumber);
  };

  /**
   * An index number identifies one document in the catalogue, draft or published (Strapi's own unique
   * check covers published entries only).
   */
  const assertIndexNumberFree = async (
    indexNumber: string | null | undefined,
    documentId?: string
  ) => {
    if (!indexNumber) return;
    const clash = await strapi.db.query(DOC).findOne({
      select: ['documentId'],
      where: { indexNumber, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    });
    if (clash) {
      throwIfViolated([violation('indexNumber', uniqueClashMessage.indexNumber(indexNumber))]);
    }
  };

  /**
   * Index and document numbers are allocated by reading the issuer's highest: two writes for the same
   * issuer must not read it at once: a lock per issuer, held by the caller's transaction until the
   * row is written.
   */
  const lockIssuer = (issuer: OrganizationRef) =>
    lockWithinTransaction(strapi, `disclosure-catalogue:${issuer.code}`);

  /** Public documents per category: one grouped count, answered from the counts index. */
  const countCategories = async (
    locale: string
  ): Promise<Array<{ category: string; count: number }>> => {
    const { tableName } = strapi.db.metadata.get(DOC);
    const rows: Array<{ category: string; count: string | number }> = await strapi.db
      .connection(tableName)
      .select('category')
      .count({ count: '*' })
      .where({ locale, disclosure_attribute: 'proactive' })
      .whereNotNull('published_at')
      .groupBy('category');
    const counted = new Map(rows.map((row) => [row.category, Number(row.count)]));
    const categories: readonly string[] = strapi.contentType(DOC).attributes.category.enum;
    return categories.map((category) => ({ category, count: counted.get(category) ?? 0 }));
  };

  const countsByLocale = new Map<
    string,
    { state: string; counts: Promise<Array<{ category: string; count: number }>> }
  >();

  return {
    /** Documents the public can read (published, proactive) per category, every category listed. */
    async countByCategory(locale: string): Promise<Array<{ category: string; count: number }>> {
      // Counted once per content state (see the response-cache service): a grouped count reads every
      // public row of the locale, so it is paid once per change, not once per page view.
      const responseCache = getService(strapi, 'response-cache');
      if (!responseCache.memosEnabled()) return countCategories(locale);
      const state: string = await responseCache.state();
      const known = countsByLocale.get(locale);
      if (known?.state === state) return known.counts;
      const counts = countCategories(locale);
      countsByLocale.set(locale, { state, counts });
      counts.catch(() => countsByLocale.delete(locale));
      return counts;
    },

    async prepareCreate(params: WriteParams) {
      const data: Data = (params.data ??= {});
      assertReprintAddress(data);
      normalizeDocumentNumber(data);
      setRepealDate(null, data);
      throwIfViolated(checkDisclosureDecision(data));
      const issuer = await resolveIssuer(data);
      if (!issuer) {
        throwIfViolated([
          violation('issuingOrganization', '发布机构必填 (issuingOrganization is required)'),
        ]);
      }
      await lockIssuer(issuer!);
      await assertDocumentNumberFree(data.documentNumber, issuer!);
      data.issuerDocumentNumber = issuerDocumentNumber(issuer!.documentId, data.documentNumber);
      if (data.indexNumber) await assertIndexNumberFree(data.indexNumber);
      else data.indexNumber = await generateIndexNumber(issuer!, data);
    },

    async prepareUpdate(params: WriteParams) {
      const data: Data = (params.data ??= {});
      const current = params.documentId ? await findDraft(params.documentId) : null;
      if (!current) return; // a missing document is the document service's 404 to give
      assertReprintAddress(data);
      normalizeDocumentNumber(data);
      setRepealDate(current, data);
      const effective = { ...current, ...data };
      throwIfViolated(checkDisclosureDecision(effective));
      const issuer = await resolveIssuer(data, current.issuingOrganization);
      if ('issuingOrganization' in data && !issuer) {
        throwIfViolated([
          violation('issuingOrganization', '发布机构必填 (issuingOrganization is required)'),
        ]);
      }
      if (
        issuer &&
        ('documentNumber' in data || 'issuingOrganization' in data || 'indexNumber' in data)
      ) {
        await lockIssuer(issuer);
      }
      if (issuer && ('documentNumber' in data || 'issuingOrganization' in data)) {
        await assertDocumentNumberFree(effective.documentNumber, issuer, params.documentId);
        data.issuerDocumentNumber = issuerDocumentNumber(
          issuer.documentId,
          effective.documentNumber
        );
      }
      if ('indexNumber' in data && !data.indexNumber && issuer) {
        data.indexNumber = await generateIndexNumber(issuer, effective);
      } else if (data.indexNumber && data.indexNumber !== current.indexNumber) {
        await assertIndexNumberFree(data.indexNumber, params.documentId);
      }
    },
  };
};
