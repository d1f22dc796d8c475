import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/*
 * Search text: the index and the query are normalized the same way, so a match is blind to width,
 * case and script (NFKC full-width → half-width, lower case, Traditional → Simplified), then cut into
 * words with jieba. The Traditional → Simplified step is given by the caller (the office's converter).
 */

/** Traditional → Simplified, as the conversion capability does it; the identity where none is given. */
export type ToSimplified = (text: string) => string;
const same: ToSimplified = (text) => text;

let jieba: Jieba | null = null;
/** The dictionary is loaded once per process (it takes a few hundred milliseconds). */
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

/**
 * Width and case folded one character at a time, so positions in the result are positions in the
 * text (the snippet relies on it); a character NFKC would lengthen (㍻) is only lower-cased.
 */
export function foldWidthAndCase(text: string): string {
  let folded = '';
  for (const character of text) {
    const normalized = character.normalize('NFKC').toLowerCase();
    folded += normalized.length === character.length ? normalized : character.toLowerCase();
  }
  return folded;
}

/** The text as the index stores it and the query is matched: folded, Simplified, length kept where the converter keeps it. */
export function normalizeText(text: string, toSimplified: ToSimplified = same): string {
  const folded = foldWidthAndCase(text ?? '');
  const simplified = toSimplified(folded);
  return simplified.length === folded.length ? simplified : folded;
}

/** A word to index or look up: it has a letter or a digit (punctuation and spaces are dropped). */
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

/** Index terms of normalized text: jieba's search mode (words and the shorter words inside them), punctuation dropped. */
export function indexTerms(normalized: string): string[] {
  if (!normalized) return [];
  return segmenter()
    .cutForSearch(normalized, true)
    .map((token) => token.trim())
    .filter(isWord);
}

/** The words of normalized query text, as jieba's precise mode cuts them, punctuation dropped. */
export function queryWords(normalized: string): string[] {
  if (!normalized) return [];
  return [
    ...new Set(
      segmenter()
        .cut(normalized, true)
        .map((token) => token.trim())
        .filter(isWord)
    ),
  ];
}

/** The shorter index words inside a query word (中华人民共和国 → 中华, 华人, 人民, …), the word itself left out. */
export function innerWords(word: string): string[] {
  return [
    ...new Set(
      segmenter()
        .cutForSearch(word, true)
        .filter((token) => token !== word && isWord(token))
    ),
  ];
}
