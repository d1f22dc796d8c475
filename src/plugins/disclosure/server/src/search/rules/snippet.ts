import { normalizeText, type ToSimplified } from './text';

/** Characters of a snippet (before escaping), and how many of them precede the first match. */
export const SNIPPET_LENGTH = 120;
const LEAD = 30;
/**
 * Characters of a field scanned for a match. A body may run to hundreds of thousands of characters
 * and each hit's is folded, converted and scanned on the event loop: past this prefix a field
 * counts as not matching here (its hit still ranks; the snippet shows another field or the start).
 */
export const SNIPPET_SCAN = 5000;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Where the terms occur in normalized text: non-overlapping ranges, longest term first at a position. */
function matches(
  normalized: string,
  terms: readonly string[],
  length: number
): Array<[number, number]> {
  const sorted = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  const ranges: Array<[number, number]> = [];
  let at = 0;
  // Matches further than a snippet's length past the first cannot show in the window.
  let stop = normalized.length;
  while (at < stop) {
    const term = sorted.find((candidate) => normalized.startsWith(candidate, at));
    if (term) {
      if (!ranges.length) stop = Math.min(stop, at + length);
      ranges.push([at, at + term.length]);
      at += term.length;
    } else at += 1;
  }
  return ranges;
}

/**
 * A snippet of the first field (in the order given) where a term occurs: a window around the first
 * match, matched terms in `<em>`, every other character HTML-escaped. Terms are normalized (folded,
 * Simplified) and found in the normalized field, whose positions are the field's own. Without a match,
 * the beginning of the first non-empty field.
 */
export function buildSnippet(
  fields: ReadonlyArray<string | null | undefined>,
  terms: readonly string[],
  toSimplified?: ToSimplified,
  length = SNIPPET_LENGTH
): string {
  // Cut before normalizing: folding and converting cost in proportion to the text.
  const texts = fields.map((field) =>
    (field ?? '').slice(0, SNIPPET_SCAN).replace(/\s+/g, ' ').trim()
  );
  const cut = fields.map((field) => (field ?? '').length > SNIPPET_SCAN);
  for (const [index, text] of texts.entries()) {
    const normalized = normalizeText(text, toSimplified);
    const found = normalized.length === text.length ? matches(normalized, terms, length) : [];
    if (!found.length) continue;
    const start = Math.max(0, Math.min(found[0][0] - LEAD, text.length - length));
    const end = Math.min(text.length, start + length);
    let html = start > 0 ? '…' : '';
    let cursor = start;
    for (const [from, to] of found) {
      if (to <= start || from >= end) continue;
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      html += escapeHtml(text.slice(cursor, a)) + '<em>' + escapeHtml(text.slice(a, b)) + '</em>';
      cursor = b;
    }
    html += escapeHtml(text.slice(cursor, end)) + (end < text.length || cut[index] ? '…' : '');
    return html;
  }
  const first = texts.findIndex(Boolean);
  if (first < 0) return '';
  const text = texts[first];
  return escapeHtml(text.slice(0, length)) + (text.length > length || cut[first] ? '…' : '');
}
