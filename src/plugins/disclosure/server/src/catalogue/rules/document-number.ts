/**
 * Document numbers (文号), e.g. 鲁政办发〔2014〕8号: issuer abbreviation, year in 〔〕, sequence, 号.
 *
 * Offices type the year brackets in many ways ([2014], (2014), （2014）, 【2014】, ［2014］) and sometimes
 * use full-width digits; the catalogue stores one canonical form so that uniqueness and citation
 * (`implements`) compare like with like. GB/T 9704-2012 §7.2.3 prescribes 〔〕 and no leading zeros.
 */

export interface DocumentNumber {
  /** Issuer abbreviation plus document kind, e.g. 鲁政办发 */
  prefix: string;
  year: number;
  sequence: number;
  /** Canonical form: prefix〔year〕sequence号 */
  normalized: string;
}

const OPENING = '〔\\[(（【［〖';
const CLOSING = '〕\\])）】］〗';
const SHAPE = new RegExp(
  `^([^\\s${OPENING}${CLOSING}]+?)\\s*[${OPENING}]\\s*(\\d{4})\\s*[${CLOSING}]\\s*第?\\s*(\\d{1,6})\\s*号$`,
  'u'
);
const CITED = /([\u4e00-\u9fa5]{1,10})\s*[〔[(（【［]\s*(\d{4})\s*[〕\])）】］]\s*(\d{1,6})\s*号/gu;

export const EARLIEST_YEAR = 1949;

/** Full-width digits and spaces to ASCII so the pattern sees one alphabet. */
const toHalfWidth = (value: string): string =>
  value
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();

/**
 * The canonical document number, or null when the text is not one. `latestYear` bounds the year
 * (offices number late-December drafts for the coming year, so callers pass next year).
 */
export function parseDocumentNumber(input: unknown, latestYear = 9999): DocumentNumber | null {
  if (typeof input !== 'string') return null;
  const match = SHAPE.exec(toHalfWidth(input));
  if (!match) return null;
  const [, prefix, yearText, sequenceText] = match;
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  if (year < EARLIEST_YEAR || year > latestYear || sequence < 1) return null;
  return { prefix, year, sequence, normalized: `${prefix}〔${year}〕${sequence}号` };
}

export const DOCUMENT_NUMBER_RULE =
  '文号格式应为“机关代字〔年份〕序号号”，如 鲁政办发〔2014〕8号 (document number must look like 鲁政办发〔2014〕8号)';

/** Every document number cited in a passage such as （国办发〔2013〕100号）, canonical and de-duplicated. */
export function findDocumentNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CITED)) {
    const parsed = parseDocumentNumber(match[0]);
    if (parsed) found.add(parsed.normalized);
  }
  return [...found];
}
