import { beijingMonth, type Month } from './window';

/*
 * An entry's tags: its locale, type, category, organization, topic and Beijing month, as index terms
 * of their own (PostgreSQL: a tsvector beside the words' in the same GIN index; SQLite: an FTS5
 * column of their own), so the filters and a step's months are applied inside the index together
 * with the words, not entry by entry after. A value is written in hexadecimal behind a letter: every
 * tag is one token of letters and digits whatever the value, and the words are never matched against
 * the tags (a query's words are looked up in the text columns only).
 */
const KIND_LETTERS = {
  locale: 'l',
  type: 't',
  category: 'c',
  organization: 'o',
  topic: 'p',
  month: 'm',
} as const;
export type TagKind = keyof typeof KIND_LETTERS;

/** One tag: the kind's letter and the value (a month as its digits, anything else in hexadecimal). */
export const tagOf = (kind: TagKind, value: string | number): string =>
  kind === 'month'
    ? `${KIND_LETTERS.month}${value}`
    : `${KIND_LETTERS[kind]}${Buffer.from(String(value)).toString('hex')}`;

/** What an entry is tagged by (the columns it is stored with). */
export interface Tagged {
  locale: string;
  type: string;
  category: string | null;
  organization: string | null;
  topic: string | null;
  publishedAt: string;
}

/** An entry's tags. */
export function entryTags(entry: Tagged): string[] {
  const tags = [
    tagOf('locale', entry.locale),
    tagOf('type', entry.type),
    tagOf('month', beijingMonth(new Date(entry.publishedAt))),
  ];
  if (entry.category) tags.push(tagOf('category', entry.category));
  if (entry.organization) tags.push(tagOf('organization', entry.organization));
  if (entry.topic) tags.push(tagOf('topic', entry.topic));
  return tags;
}

/** What a search requires of the tags: every group, each by one of its tags. */
export type TagCondition = string[][];

/** The tag condition of a search's filters and a step's months (null: any month). */
export function tagCondition(
  filters: {
    locale: string;
    types?: string[];
    category?: string;
    organization?: string;
    topic?: string;
  },
  months: Month[] | null,
  /** PostgreSQL leaves the locale out: its index is one per locale. */
  { locale }: { locale: boolean }
): TagCondition {
  const groups: TagCondition = locale ? [[tagOf('locale', filters.locale)]] : [];
  if (filters.types?.length) groups.push(filters.types.map((type) => tagOf('type', type)));
  if (filters.category) groups.push([tagOf('category', filters.category)]);
  if (filters.organization) groups.push([tagOf('organization', filters.organization)]);
  if (filters.topic) groups.push([tagOf('topic', filters.topic)]);
  if (months) groups.push(months.map((month) => tagOf('month', month)));
  return groups;
}
