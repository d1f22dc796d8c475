import { parseDocumentNumber } from '../../catalogue/rules/document-number';
import { parseIndexNumber } from '../../catalogue/rules/index-number';
import { foldWidthAndCase, innerWords, normalizeText, queryWords, type ToSimplified } from './text';

/** The longest query, in characters; longer is refused with the limit stated. */
export const MAX_QUERY_LENGTH = 100;
/** Words of a query beyond this are not looked up (each one is a condition of the search). */
export const MAX_QUERY_WORDS = 16;

/** One word of the query: found as itself, or as all of the shorter words jieba finds inside it. */
export interface QueryWord {
  word: string;
  inner: string[];
}

export interface SearchQuery {
  /** The query normalized (folded, Simplified), for the snippet's highlighting. */
  normalized: string;
  words: QueryWord[];
  /** The 文号 typed, in the catalogue's canonical form (〔〕, half-width digits), if the query is one. */
  documentNumber: string | null;
  /** The 索引号 typed, if the query is one. */
  indexNumber: string | null;
}

export type QueryProblem = 'empty' | 'too-long' | 'no-words';

/** Why a query is refused, Chinese first and English beside it, naming `q` and the limit. */
export const QUERY_PROBLEMS: Readonly<Record<QueryProblem, string>> = {
  empty: 'q 不能为空 (q must not be empty)',
  'too-long': `q 不能超过 ${MAX_QUERY_LENGTH} 个字符 (q must be at most ${MAX_QUERY_LENGTH} characters)`,
  'no-words': 'q 须包含可检索的文字或数字 (q must contain letters or digits to search for)',
};

export type ParsedQuery = { query: SearchQuery } | { problem: QueryProblem };

/**
 * A query as typed: trimmed, limited, normalized like the index, cut into words. A 文号 typed with
 * [], () or full-width digits is recognised in the catalogue's canonical form, and an 索引号 as typed
 * (half-width); either, matching exactly, is answered first.
 */
export function parseSearchQuery(q: string, toSimplified?: ToSimplified): ParsedQuery {
  const typed = (q ?? '').trim();
  if (!typed) return { problem: 'empty' };
  if ([...typed].length > MAX_QUERY_LENGTH) return { problem: 'too-long' };
  const normalized = normalizeText(typed, toSimplified);
  const words = queryWords(normalized)
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => ({ word, inner: innerWords(word) }));
  if (!words.length) return { problem: 'no-words' };
  const halfWidth = foldWidthAndCase(typed).replace(/\s+/g, '');
  const documentNumber = parseDocumentNumber(typed)?.normalized ?? null;
  const indexNumber = parseIndexNumber(halfWidth) ? halfWidth : null;
  return { query: { normalized, words, documentNumber, indexNumber } };
}

/** Every term the query may match (the words and the words inside them), longest first, for highlighting. */
export const highlightTerms = (query: SearchQuery): string[] =>
  [...new Set(query.words.flatMap(({ word, inner }) => [word, ...inner]))].sort(
    (a, b) => b.length - a.length
  );
