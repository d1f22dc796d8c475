import { beijingYear } from '../../calendar/rules/beijing-time';
import { blocksParagraphs } from '../../reports/rules/report-text';
import type { SearchableType } from './searchable-types';
import { indexTerms, normalizeText, type ToSimplified } from './text';

/** One row of the search index: a public (type, documentId, locale). */
export interface SearchEntry {
  type: string;
  documentId: string;
  locale: string;
  title: string;
  documentNumber: string | null;
  indexNumber: string | null;
  summaryText: string;
  bodyText: string;
  publishedAt: string;
  year: number;
  category: string | null;
  topic: string | null;
  organization: string | null;
  /** Normalized index terms per weighted field, space-joined. */
  titleTerms: string;
  numberTerms: string;
  summaryTerms: string;
  bodyTerms: string;
}

/** A published row as read for indexing (its organization populated with its documentId). */
export type IndexedRow = Record<string, unknown> & {
  documentId: string;
  locale?: string | null;
  publishedAt: string | Date;
};

const textOf = (value: unknown): string => blocksParagraphs(value).join('\n');
const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;
const termsOf = (text: string, toSimplified?: ToSimplified): string =>
  indexTerms(normalizeText(text, toSimplified)).join(' ');

/** The index row of a published, public row of a searchable type. */
export function buildEntry(
  type: SearchableType,
  row: IndexedRow,
  toSimplified?: ToSimplified
): SearchEntry {
  const title = textOf(row[type.title]);
  const documentNumber = type.documentNumber ? stringOrNull(row[type.documentNumber]) : null;
  const indexNumber = type.indexNumber ? stringOrNull(row[type.indexNumber]) : null;
  const summaryText = type.summary
    .map((field) => textOf(row[field]))
    .filter(Boolean)
    .join('\n');
  const bodyText = type.body
    .map((field) => textOf(row[field]))
    .filter(Boolean)
    .join('\n');
  const published = new Date(row.publishedAt);
  const organization = row[type.organization] as { documentId?: string } | null | undefined;
  return {
    type: type.key,
    documentId: row.documentId,
    locale: row.locale ?? '',
    title,
    documentNumber,
    indexNumber,
    summaryText,
    bodyText,
    publishedAt: published.toISOString(),
    year: beijingYear(published),
    category: type.category ? stringOrNull(row[type.category]) : null,
    topic: type.topic ? stringOrNull(row[type.topic]) : null,
    organization: organization?.documentId ?? null,
    titleTerms: termsOf(title, toSimplified),
    numberTerms: termsOf([documentNumber, indexNumber].filter(Boolean).join(' '), toSimplified),
    summaryTerms: termsOf(summaryText, toSimplified),
    bodyTerms: termsOf(bodyText, toSimplified),
  };
}
