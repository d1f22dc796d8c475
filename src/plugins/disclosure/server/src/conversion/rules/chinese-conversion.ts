/**
 * Simplified ⇄ Traditional conversion for government text, on OpenCC (opencc-js).
 *
 * - Phrase-aware: OpenCC's own segmentation and dictionaries; the government phrases, the office's
 *   overrides and protected terms are matched on the same source text and take precedence wherever
 *   they occur, even inside a longer built-in phrase (the longest custom entry wins among them).
 * - Never touched: document numbers (文号, 令号) and index numbers, URLs (with any Chinese in them) and
 *   e-mail addresses, and protected terms such as people's and place names.
 * - Blocks rich text: only text leaves change; code blocks, link URLs and attributes stay as they are.
 *
 * The OpenCC tables are built once per standard (about 0.4 s and 40 MB each) and shared by every
 * converter; a converter adds only the small trie of phrases and protected terms.
 */
import OpenCC from 'opencc-js';
import { GOVERNMENT_PHRASES } from './government-phrases';

export type TraditionalStandard = 't' | 'tw' | 'hk';
export const TRADITIONAL_STANDARDS: readonly TraditionalStandard[] = ['t', 'tw', 'hk'];
export type Direction = 'to-traditional' | 'to-simplified';

export interface PhraseOverride {
  simplified: string;
  traditional: string;
}

export interface ConversionDictionary {
  /** Phrase pairs, applied in both directions */
  phrases?: PhraseOverride[];
  /** Terms left exactly as written in either script */
  protectedTerms?: string[];
}

type Trie = InstanceType<typeof OpenCC.Trie>;
type DictGroup = Parameters<Trie['loadDictGroup']>[0];
/**
 * A preset configuration as opencc-js ships it: its declared type lacks the normalization chain, and
 * gives the segmentation as one dictionary where it can be a group.
 */
interface PresetConfig {
  segmentation?: DictGroup | DictGroup[number];
  conversionChain: readonly DictGroup[];
  normalizationChain?: readonly DictGroup[];
}
/** A node of Strapi blocks rich text, as far as conversion reads it. */
interface BlockNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}
interface BasePipeline {
  normalize: (text: string) => string;
  segmentation: Trie | null;
  stages: Trie[];
}

const CONFIG_NAMES: Record<Direction, Record<TraditionalStandard, string>> = {
  'to-traditional': { t: 's2t', tw: 's2tw', hk: 's2hk' },
  'to-simplified': { t: 't2s', tw: 'tw2s', hk: 'hk2s' },
};

const basePipelines = new Map<string, BasePipeline>();

/** OpenCC's pipeline for one configuration, built on first use and kept for the process. */
function basePipeline(configName: string): BasePipeline {
  const cached = basePipelines.get(configName);
  if (cached) return cached;
  const config = OpenCC.Locale.configs[configName] as PresetConfig;
  const segmentation = config.segmentation ? new OpenCC.Trie() : null;
  if (segmentation) {
    const dicts = (
      Array.isArray(config.segmentation) ? config.segmentation : [config.segmentation]
    ) as DictGroup;
    segmentation.loadDictGroup(dicts);
  }
  const stages = config.conversionChain.map((group) => {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  const normalize = config.normalizationChain
    ? OpenCC.ConverterFactory(...config.normalizationChain)
    : (text: string) => text;
  const pipeline = { normalize, segmentation, stages };
  basePipelines.set(configName, pipeline);
  return pipeline;
}

/**
 * Spans never converted: URLs (with any Chinese in them), e-mail addresses, index numbers, and
 * document numbers. A document number is found by its tail (〔2014〕8号, 令第185号) and extended back
 * over its issuer abbreviation, without the function words that often precede it in running text
 * (按照粤办函〔2015〕248号 protects 粤办函〔2015〕248号). Tails first keeps the scan linear.
 */
const ADDRESSES = new RegExp(
  [
    String.raw`(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()《》【】「」，。；！？、]+`,
    String.raw`www\.[^\s<>"'“”‘’（）()《》【】「」，。；！？、]+`,
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
    String.raw`[0-9A-Za-z-]{2,40}\/\d{4}-\d{3,}`,
  ].join('|'),
  'g'
);
/** Every address above contains one of these: most government text has none, and skips the scan. */
const ADDRESS_MARKS = /[@/]|www\./;
const NUMBER_TAILS =
  /[〔[(（【［]\s*\d{4}\s*[〕\])）】］]\s*第?\s*\d{1,6}\s*[号號]|令第\d{1,5}[号號]/g;
const ISSUER_CHARACTER = /[\u4e00-\u9fff]/u;
const MAX_ISSUER_LENGTH = 8;
const LEADING_FUNCTION_WORDS =
  /^(?:按照|根据|根據|依据|依據|依照|参照|參照|关于|關於|对于|對於|贯彻|貫徹|落实|落實|执行|執行|印发|印發|转发|轉發|要求|精神|和|与|與|及|对|對|按|据|據|依|将|將|即|的|见|見|经|經|由|以|为|為|在|于|於)+/u;

function protectedSpans(text: string): Array<[start: number, end: number]> {
  const spans: Array<[number, number]> = [];
  if (ADDRESS_MARKS.test(text)) {
    for (const match of text.matchAll(ADDRESSES))
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  for (const match of text.matchAll(NUMBER_TAILS)) {
    const tailStart = match.index ?? 0;
    let start = tailStart;
    while (
      start > 0 &&
      tailStart - start < MAX_ISSUER_LENGTH &&
      ISSUER_CHARACTER.test(text[start - 1])
    )
      start -= 1;
    if (start === tailStart) continue; // no issuer: just a year and a number
    const lead = LEADING_FUNCTION_WORDS.exec(text.slice(start, tailStart));
    if (lead && lead[0].length < tailStart - start) start += lead[0].length;
    spans.push([start, tailStart + match[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * OpenCC's own result: segmentation, then each stage over all segments. Stage by stage, as opencc-js
 * does it: alternating between the large stage tries segment by segment costs about a fifth more.
 */
function convertWithOpenCC(text: string, base: BasePipeline): string {
  const segments = base.segmentation ? base.segmentation.segment(text) : [text];
  return base.stages
    .reduce((values, stage) => values.map((value) => stage.convert(value)), segments)
    .join('');
}

/** Custom entries first wherever they match; OpenCC's segments for the rest. */
function convertWithPrecedence(text: string, base: BasePipeline, custom: Trie): string {
  let output = '';
  let pending = '';
  const flush = () => {
    if (pending) output += convertWithOpenCC(pending, base);
    pending = '';
  };
  for (let i = 0; i < text.length;) {
    const own = custom.matchPrefix(text, i);
    if (own) {
      flush();
      output += own.value;
      i = own.end;
    } else {
      const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      pending += text.slice(i, i + width);
      i += width;
    }
  }
  flush();
  return output;
}

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Finds every custom entry in one native scan: an alternation of the entries, longest first, so the
 * first alternative to match at a position is the longest entry there (as the trie would find it).
 */
const entriesPattern = (entries: Iterable<string>): RegExp => {
  const unique = [...new Set(entries)].filter(Boolean).sort((a, b) => b.length - a.length);
  return unique.length ? new RegExp(unique.map(escapeForRegExp).join('|'), 'g') : /(?!)/g;
};

export class ChineseConverter {
  private readonly custom: Record<Direction, Trie>;
  private readonly customPatterns: Record<Direction, RegExp>;

  constructor(
    readonly standard: TraditionalStandard = 'tw',
    dictionary: ConversionDictionary = {}
  ) {
    if (!TRADITIONAL_STANDARDS.includes(standard)) {
      throw new RangeError(
        `Traditional standard must be one of ${TRADITIONAL_STANDARDS.join(', ')}`
      );
    }
    const toTraditional = new OpenCC.Trie();
    const toSimplified = new OpenCC.Trie();
    const phrases: Array<readonly [string, string]> = [
      ...GOVERNMENT_PHRASES,
      ...(dictionary.phrases ?? []).map(
        ({ simplified, traditional }) => [simplified, traditional] as const
      ),
    ];
    // Later entries win: the office's overrides over the shipped phrases, protected terms over both.
    for (const [simplified, traditional] of phrases) {
      toTraditional.addWord(simplified, traditional);
      toSimplified.addWord(traditional, simplified);
    }
    const protectedTerms = dictionary.protectedTerms ?? [];
    for (const term of protectedTerms) {
      toTraditional.addWord(term, term);
      toSimplified.addWord(term, term);
    }
    this.custom = { 'to-traditional': toTraditional, 'to-simplified': toSimplified };
    this.customPatterns = {
      'to-traditional': entriesPattern([
        ...phrases.map(([simplified]) => simplified),
        ...protectedTerms,
      ]),
      'to-simplified': entriesPattern([
        ...phrases.map(([, traditional]) => traditional),
        ...protectedTerms,
      ]),
    };
  }

  /**
   * OpenCC converts the whole text in one pass, as it would on its own; protected spans are then
   * copied back from the source, and the government phrases, overrides and protected terms are laid
   * over the rest wherever they occur, so they win even inside a longer built-in phrase (工作台 must
   * not hide the override for 台账). This relies on conversion keeping lengths, so positions line up;
   * where it does not, each run between protected spans is converted on its own, giving the custom
   * entries precedence segment by segment.
   */
  convert(text: string, direction: Direction): string {
    if (typeof text !== 'string' || text === '') return text;
    const base = basePipeline(CONFIG_NAMES[direction][this.standard]);
    const normalized = base.normalize(text);
    const converted = normalized.length === text.length ? convertWithOpenCC(normalized, base) : '';
    const spans = protectedSpans(text);
    if (converted.length !== text.length) return this.convertRunByRun(text, spans, base, direction);

    let output = '';
    let cursor = 0;
    for (const [start, end] of spans) {
      output +=
        this.overlay(normalized, converted, cursor, start, base, direction) +
        text.slice(start, end);
      cursor = end;
    }
    return output + this.overlay(normalized, converted, cursor, text.length, base, direction);
  }

  toTraditional(text: string): string {
    return this.convert(text, 'to-traditional');
  }

  toSimplified(text: string): string {
    return this.convert(text, 'to-simplified');
  }

  /** OpenCC's result for [from, to), with the custom entries found there (one native scan) laid over it. */
  private overlay(
    source: string,
    converted: string,
    from: number,
    to: number,
    base: BasePipeline,
    direction: Direction
  ): string {
    if (from >= to) return '';
    const custom = this.custom[direction];
    const pattern = this.customPatterns[direction];
    let output = '';
    let copiedUpTo = from;
    pattern.lastIndex = from;
    for (
      let found = pattern.exec(source);
      found && found.index < to;
      found = pattern.exec(source)
    ) {
      const start = found.index;
      let own = custom.matchPrefix(source, start);
      // An entry must not run into the protected span that follows.
      if (own && own.end > to) {
        const inside = custom.matchPrefix(source.slice(start, to), 0);
        own = inside && { end: start + inside.end, value: inside.value };
      }
      if (!own) continue;
      if (own.value.length !== own.end - start) {
        return convertWithPrecedence(source.slice(from, to), base, custom);
      }
      output += converted.slice(copiedUpTo, start) + own.value;
      copiedUpTo = own.end;
      pattern.lastIndex = own.end;
    }
    return output + converted.slice(copiedUpTo, to);
  }

  /** The slow path, for text whose conversion changes its length: each unprotected run on its own. */
  private convertRunByRun(
    text: string,
    spans: Array<[number, number]>,
    base: BasePipeline,
    direction: Direction
  ): string {
    const convertRun = (run: string) => {
      if (!run) return run;
      const normalized = base.normalize(run);
      const converted = convertWithOpenCC(normalized, base);
      return converted.length === normalized.length
        ? this.overlay(normalized, converted, 0, normalized.length, base, direction)
        : convertWithPrecedence(normalized, base, this.custom[direction]);
    };
    let output = '';
    let cursor = 0;
    for (const [start, end] of spans) {
      output += convertRun(text.slice(cursor, start)) + text.slice(start, end);
      cursor = end;
    }
    return output + convertRun(text.slice(cursor));
  }

  /** Strapi blocks rich text: text leaves converted, everything else (code, URLs, marks) as it was. */
  convertBlocks<T>(blocks: T, direction: Direction): T {
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (!node || typeof node !== 'object') return node;
      const block = node as BlockNode;
      if (block.type === 'code') return node;
      if (block.type === 'text' && typeof block.text === 'string') {
        return { ...block, text: this.convert(block.text, direction) };
      }
      return block.children ? { ...block, children: walk(block.children) } : node;
    };
    return walk(blocks) as T;
  }
}
