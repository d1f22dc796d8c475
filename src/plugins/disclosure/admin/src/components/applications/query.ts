import { useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import {
  APPLICATION_STATUSES,
  type ApplicationListQuery,
  type ApplicationStatus,
} from '../../../../shared/contracts/on-request';
import { URGENCIES, type Urgency } from './words';

/**
 * The list's filters live in the page's address (?status=&urgency=&organization=&_q=&page=&pageSize=),
 * so going back from a case returns to the same list and a filtered list can be bookmarked. The
 * search is `_q` there, as in Strapi's own lists, because Strapi's pagination keeps `_q` encoded.
 */
export interface ListSearchParams {
  page?: string;
  pageSize?: string;
  status?: string;
  urgency?: string;
  organization?: string;
  _q?: string;
}

export const DEFAULT_PAGE_SIZE = 20;

const isStatus = (value: string | undefined): value is ApplicationStatus =>
  (APPLICATION_STATUSES as readonly string[]).includes(value ?? '');
const isUrgency = (value: string | undefined): value is Urgency =>
  (URGENCIES as readonly string[]).includes(value ?? '');
const positive = (value: string | undefined): number | undefined => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

/** The address's filters as the route's query: unknown codes and empty text left out. */
export const toListQuery = (params: ListSearchParams): ApplicationListQuery => {
  const query: ApplicationListQuery = {
    page: positive(params.page) ?? 1,
    pageSize: positive(params.pageSize) ?? DEFAULT_PAGE_SIZE,
  };
  if (isStatus(params.status)) query.status = params.status;
  if (isUrgency(params.urgency)) query.urgency = params.urgency;
  const organization = params.organization?.trim();
  if (organization) query.organization = organization;
  const q = params._q?.trim();
  if (q) query.q = q;
  return query;
};

/** The list's filters, and a setter that goes back to page 1 and keeps the search encoded. */
export const useListSearch = () => {
  const [{ query }, setQuery] = useQueryParams<ListSearchParams>();
  const update = (next: Omit<ListSearchParams, 'page' | 'pageSize'>) => {
    // Empty filters are left out of the address; the typed ones are encoded (qs writes them as they are).
    const entries = Object.entries(next).map(([key, value]) => [
      key,
      value
        ? key === 'status' || key === 'urgency'
          ? value
          : encodeURIComponent(value)
        : undefined,
    ]);
    setQuery(withEncodedUserParams(query, { ...Object.fromEntries(entries), page: '1' }));
  };
  return { params: query, update };
};
