import { useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import {
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  type MessageKind,
  type MessageListQuery,
  type MessageStatus,
} from '../../../../shared/contracts/mailbox';

/** The list's filters in the page's address (?status=&kind=&overdue=&organization=&page=&pageSize=). */
export interface MessageSearchParams {
  /** Not used here; kept as Strapi's lists keep it */
  _q?: string;
  page?: string;
  pageSize?: string;
  status?: string;
  kind?: string;
  overdue?: string;
  organization?: string;
}

export const DEFAULT_PAGE_SIZE = 20;

const isStatus = (value: string | undefined): value is MessageStatus =>
  (MESSAGE_STATUSES as readonly string[]).includes(value ?? '');
const isKind = (value: string | undefined): value is MessageKind =>
  (MESSAGE_KINDS as readonly string[]).includes(value ?? '');
const positive = (value: string | undefined): number | undefined => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

/** The address's filters as the route's query: unknown codes and empty text left out. */
export const toMessageQuery = (params: MessageSearchParams): MessageListQuery => {
  const query: MessageListQuery = {
    page: positive(params.page) ?? 1,
    pageSize: positive(params.pageSize) ?? DEFAULT_PAGE_SIZE,
  };
  if (isStatus(params.status)) query.status = params.status;
  if (isKind(params.kind)) query.kind = params.kind;
  if (params.overdue === 'true' || params.overdue === 'false')
    query.overdue = params.overdue === 'true';
  const organization = params.organization?.trim();
  if (organization) query.organization = organization;
  return query;
};

/** The list's filters, and a setter that goes back to page 1. */
export const useMessageSearch = () => {
  const [{ query }, setQuery] = useQueryParams<MessageSearchParams>();
  const update = (next: Omit<MessageSearchParams, 'page' | 'pageSize'>) => {
    const entries = Object.entries(next).map(([key, value]) => [
      key,
      value ? (key === 'organization' ? encodeURIComponent(value) : value) : undefined,
    ]);
    setQuery(withEncodedUserParams(query, { ...Object.fromEntries(entries), page: '1' }));
  };
  return { params: query, update };
};
