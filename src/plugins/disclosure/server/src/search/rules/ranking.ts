/*
 * Ranking: an exact 文号 or 索引号 first, then relevance with the title over the 文号, the 文号 over the
 * summary and the summary over the body, then newer first.
 */

/** The weighted fields, in the index's column order. */
export const WEIGHTED_FIELDS = ['title', 'documentNumber', 'summary', 'body'] as const;
export type WeightedField = (typeof WEIGHTED_FIELDS)[number];

/** Each field's weight: PostgreSQL's letter (setweight) and the relative weight both databases rank by. */
export const FIELD_WEIGHTS: Readonly<
  Record<WeightedField, { letter: 'A' | 'B' | 'C' | 'D'; weight: number }>
> = {
  title: { letter: 'A', weight: 10 },
  documentNumber: { letter: 'B', weight: 5 },
  summary: { letter: 'C', weight: 2 },
  body: { letter: 'D', weight: 1 },
};

/** PostgreSQL's ts_rank weights array, in its order {D, C, B, A}, scaled to at most 1. */
export const postgresWeights = (): number[] => {
  const top = FIELD_WEIGHTS.title.weight;
  return (['body', 'summary', 'documentNumber', 'title'] as const).map(
    (field) => FIELD_WEIGHTS[field].weight / top
  );
};

/** A query word: itself, or all of the shorter words inside it (rules/query). */
interface Word {
  word: string;
  inner: string[];
}

/**
 * The head score of an entry, as SQLite ranks it (PostgreSQL: ts_rank of the head vector): for each
 * query word, the weight of each of title, 文号 and summary that holds it (as itself or as all of
 * its inner words). Body words find an entry; they do not order it. Computed for the window only:
 * FTS5's bm25 would weigh each word by counting every entry that holds it, a pass over its whole
 * list of entries per search, in proportion to the catalogue.
 */
export function headScore(
  words: readonly Word[],
  head: { titleTerms: string; numberTerms: string; summaryTerms: string }
): number {
  const fields = [
    [FIELD_WEIGHTS.title.weight, head.titleTerms],
    [FIELD_WEIGHTS.documentNumber.weight, head.numberTerms],
    [FIELD_WEIGHTS.summary.weight, head.summaryTerms],
  ] as const;
  let score = 0;
  for (const [weight, text] of fields) {
    if (!text) continue;
    const terms = new Set(text.split(' '));
    for (const { word, inner } of words)
      if (terms.has(word) || (inner.length > 0 && inner.every((term) => terms.has(term))))
        score += weight;
  }
  return score;
}

/** What a result is ordered by, for ordering in code (and for tests of the order). */
export interface Ranked {
  exact: boolean;
  /** Higher is more relevant. */
  score: number;
  publishedAt: string | null;
}

/** Exact number first, then score, then newer first. */
export const compareRanked = (a: Ranked, b: Ranked): number =>
  Number(b.exact) - Number(a.exact) ||
  b.score - a.score ||
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');

/**
 * PostgreSQL's limits on a tsvector: the highest position, positions kept per lexeme, a lexeme's bytes
 * (under 2 KB) and the whole value's (under 1 MB). Past the last two the cast fails, and the
 * publication with it: a longer lexeme is left out, and lexemes past a budget below 1 MB are dropped.
 */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
export const MAX_LEXEME_BYTES = 2046;
export const TSVECTOR_BUDGET_BYTES = 900_000;

/** A term as a quoted tsvector/tsquery lexeme (quotes doubled, backslashes escaped). */
export const quotedLexeme = (term: string): string =>
  `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsvector of an entry, as text PostgreSQL casts (`::tsvector`): every term of every weighted field
 * with its position and the field's weight letter. Written out rather than parsed by to_tsvector, whose
 * parser depends on the server's locale and would cut the segmented terms again; this is what
 * setweight over the 'simple' configuration gives for terms the parser keeps whole.
 */
export function tsvectorText(terms: Readonly<Record<WeightedField, readonly string[]>>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  // Stored size, as PostgreSQL counts it: per lexeme its bytes and a 4-byte entry, 2 per position.
  let bytes = 0;
  for (const field of WEIGHTED_FIELDS) {
    for (const term of terms[field]) {
      position = Math.min(position + 1, MAX_POSITION);
      let list = positions.get(term);
      if (!list) {
        const size = Buffer.byteLength(term);
        if (size > MAX_LEXEME_BYTES || bytes + size + 6 > TSVECTOR_BUDGET_BYTES) continue;
        bytes += size + 4;
        list = [];
        positions.set(term, list);
      }
      if (list.length < MAX_POSITIONS_PER_LEXEME && bytes + 2 <= TSVECTOR_BUDGET_BYTES) {
        list.push(`${position}${FIELD_WEIGHTS[field].letter}`);
        bytes += 2;
      }
    }
  }
  return [...positions]
    .map(([term, list]) =>
      list.length ? `${quotedLexeme(term)}:${list.join(',')}` : quotedLexeme(term)
    )
    .join(' ');
}

/**
 * An entry's two PostgreSQL vectors from its space-joined terms: the whole (matched through the GIN
 * index) and its head, the title, 文号 and summary (ranked: small enough to stay in the row).
 */
export function entryVectors(terms: {
  titleTerms: string;
  numberTerms: string;
  summaryTerms: string;
  bodyTerms: string;
}): { searchVector: string; headVector: string } {
  const split = (text: string) => text.split(' ').filter(Boolean);
  const fields = {
    title: split(terms.titleTerms),
    documentNumber: split(terms.numberTerms),
    summary: split(terms.summaryTerms),
    body: split(terms.bodyTerms),
  };
  return { searchVector: tsvectorText(fields), headVector: tsvectorText({ ...fields, body: [] }) };
}
