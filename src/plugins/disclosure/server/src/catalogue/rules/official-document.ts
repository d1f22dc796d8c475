/**
 * Reads the catalogue metadata out of an official document's plain text as offices publish it: title
 * (often broken over several lines), document number, issuing organ and date from the signature block,
 * the 印发 line, and the higher documents it cites. Used to import documents and to build the demo
 * catalogue from real policies.
 */
import { findDocumentNumbers, parseDocumentNumber } from './document-number';

export interface ParsedOfficialDocument {
  title: string;
  documentNumber: string | null;
  issuer: string | null;
  /** 成文日期, from the signature block (or the page's 信息时间 when there is none) */
  writtenDate: string | null;
  /** 印发日期, from the closing "…印发" line */
  issueDate: string | null;
  /** Higher documents cited in parentheses, e.g. （国办发〔2013〕100号） */
  cites: string[];
  /** Body paragraphs, without title, number, page furniture or signature block */
  paragraphs: string[];
  /** Top-level section headings (一、…) */
  headings: string[];
  /** A forwarding notice (转发…的通知) carries the forwarded document after its own signature */
  forwarded: string | null;
}

const CHINESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const SIGNATURE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const ISSUED_LINE = /^(.*?)(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$/;
const PAGE_META =
  /^【信息来源[:：]\s*([^】]+)】.*【信息时间[:：]\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*】/;
const NAVIGATION = /^(当前位置|>)/;
const ENDS_A_SENTENCE = /[。，；：:,;！？]$/;
const HEADING = /^[一二三四五六七八九十]+、/;

const isoFromParts = (year: string, month: string, day: string): string =>
  `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;

const isoFromChinese = (text: string): string | null => {
  const match = CHINESE_DATE.exec(text);
  return match ? isoFromParts(match[1], match[2], match[3]) : null;
};

const cleanLines = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\u3000\u00a0]/g, ' ').trim())
    .filter((line) => line.length > 0);

export function parseOfficialDocument(text: string): ParsedOfficialDocument {
  let lines = cleanLines(text).filter((line) => !NAVIGATION.test(line));

  let issuer: string | null = null;
  let writtenDate: string | null = null;
  const titleLines: string[] = [];
  let documentNumber: string | null = null;

  // Title: the leading lines that do not end a sentence, up to the number, page metadata or addressees.
  let cursor = 0;
  for (; cursor < lines.length && titleLines.length < 6; cursor += 1) {
    const line = lines[cursor];
    const meta = PAGE_META.exec(line);
    if (meta) {
      issuer = meta[1].trim();
      writtenDate = isoFromParts(meta[2], meta[3], meta[4]);
      cursor += 1;
      break;
    }
    const number = parseDocumentNumber(line);
    if (number) {
      documentNumber = number.normalized;
      cursor += 1;
      break;
    }
    if (ENDS_A_SENTENCE.test(line) || titleLines.join('').length + line.length > 120) break;
    titleLines.push(line);
  }
  lines = lines.slice(cursor);

  // The closing "…2014年2月20日印发" line carries the issue date and ends the document proper.
  let issueDate: string | null = null;
  const issuedAt = lines.findIndex((line) => ISSUED_LINE.test(line));
  if (issuedAt >= 0) {
    issueDate = isoFromChinese(lines[issuedAt]);
    lines = lines.slice(0, issuedAt);
  }

  // The first signature block (organ on one line, date alone on the next) names the issuer.
  const title = titleLines.join('');
  const paragraphs: string[] = [];
  let forwarded: string | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!issuer && next && SIGNATURE_DATE.test(next) && !ENDS_A_SENTENCE.test(line)) {
      issuer = line;
      writtenDate = isoFromChinese(next);
      i += 1;
      if (title.includes('转发') && i + 1 < lines.length) {
        forwarded = lines.slice(i + 1).join('\n');
        break;
      }
      continue;
    }
    if (SIGNATURE_DATE.test(line)) continue;
    paragraphs.push(line);
  }

  const body = paragraphs.join('\n');
  const cites = [...body.matchAll(/[（(]([^（()）]*?〔\d{4}〕\d+号)[）)]/g)]
    .flatMap((match) => findDocumentNumbers(match[1]))
    .filter((number, index, all) => number !== documentNumber && all.indexOf(number) === index);

  return {
    title,
    documentNumber,
    issuer,
    writtenDate,
    issueDate: issueDate ?? null,
    cites,
    paragraphs,
    headings: paragraphs.filter((line) => HEADING.test(line)),
    forwarded,
  };
}

const GENRES: Array<[RegExp, string]> = [
  [/实施方案(的通知)?$/, 'implementation-plan'],
  [/工作要点(的通知)?$/, 'work-points'],
  [/通知$/, 'notice'],
  [/意见$/, 'opinion'],
  [/方案$/, 'plan'],
  [/办法$/, 'measures'],
  [/(规定|机制|制度)$/, 'regulation'],
  [/细则$/, 'rules'],
  [/决定$/, 'decision'],
  [/公告$/, 'announcement'],
  [/通告$/, 'circular'],
  [/通报$/, 'bulletin'],
  [/报告$/, 'report'],
  [/批复$/, 'reply'],
  [/函$/, 'letter'],
  [/纪要$/, 'minutes'],
];

/** The genre (体裁) a title declares: a notice that issues a plan is filed as a notice. */
export function genreOfTitle(title: string): string {
  const trimmed = title.trim();
  if (/的通知$/.test(trimmed)) return 'notice';
  return GENRES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? 'other';
}
