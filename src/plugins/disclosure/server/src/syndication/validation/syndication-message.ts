import { CONTENT_TYPES } from '../../../../shared/constants';
import { fieldLabel, webAddressMessage } from '../../errors/rules/validation-messages';
import { isWebAddress } from '../../../../shared/web-address';

/** What is wrong with a syndication message, and where (Strapi's `details.errors[].path`). */
export interface MessageProblem {
  path: Array<string | number>;
  message: string;
}

const ACTIONS = new Set(['publish', 'update', 'unpublish', 'delete']);
/** A SHA-256 in hex, as the source computes it over the file's bytes. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** The upload plugin's name and mime columns (varchar 255): longer would fail in the database. */
const MAX_FILE_TEXT_LENGTH = 255;

const problem = (path: Array<string | number>, message: string): MessageProblem => ({ path, message });
const isObject = (value: unknown): value is Record<string, any> => !!value && typeof value === 'object' && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

/** An address a partner sent, which the copy links to: http(s) or none. */
const addressProblem = (value: unknown, path: Array<string | number>): MessageProblem | null =>
  absent(value) || isWebAddress(value) ? null : problem(path, webAddressMessage(path));

/**
 * One attachment reference. Every one carries its SHA-256: the receiver proves by it that the file it
 * fetched is the one the source published, so a reference without it is not taken on trust.
 */
function attachmentProblem(ref: unknown, path: Array<string | number>): MessageProblem | null {
  if (!isObject(ref)) return problem(path, `${fieldLabel(path)}须为对象 (${path.join('.')} must be an object)`);
  const at = (field: string) => [...path, field];
  if (!isWebAddress(ref.url)) return problem(at('url'), webAddressMessage(at('url')));
  if (typeof ref.name !== 'string' || !ref.name.trim() || ref.name.length > MAX_FILE_TEXT_LENGTH) {
    return problem(at('name'), `${fieldLabel(at('name'))}须为 1 至 ${MAX_FILE_TEXT_LENGTH} 个字符的文件名 (${at('name').join('.')} must be a file name of 1 to ${MAX_FILE_TEXT_LENGTH} characters)`);
  }
  if (!absent(ref.mime) && (typeof ref.mime !== 'string' || ref.mime.length > MAX_FILE_TEXT_LENGTH)) {
    return problem(at('mime'), `${fieldLabel(at('mime'))}须为文字，最多 ${MAX_FILE_TEXT_LENGTH} 个字符 (${at('mime').join('.')} must be a string of at most ${MAX_FILE_TEXT_LENGTH} characters)`);
  }
  if (!absent(ref.sizeInBytes) && !(Number.isSafeInteger(ref.sizeInBytes) && ref.sizeInBytes >= 0)) {
    return problem(at('sizeInBytes'), `${fieldLabel(at('sizeInBytes'))}须为非负整数（字节） (${at('sizeInBytes').join('.')} must be a whole number of bytes)`);
  }
  if (typeof ref.sha256 !== 'string' || !SHA256_HEX.test(ref.sha256)) {
    return problem(at('sha256'), `${fieldLabel(at('sha256'))}必填，须为 64 位十六进制数 (${at('sha256').join('.')} is required: the file's SHA-256 as 64 hexadecimal digits)`);
  }
  return null;
}

/** What is wrong with a parsed syndication message (转载消息), or null. Nothing is stored before this passes. */
export function messageProblem(message: any): MessageProblem | null {
  if (!isObject(message)) return problem([], '消息须为 JSON 对象 (the body must be a JSON object)');
  if (typeof message.documentId !== 'string' || !message.documentId || message.documentId.length > 64) {
    return problem(['documentId'], 'documentId 缺失或无效 (documentId missing or invalid)');
  }
  if (message.contentType !== CONTENT_TYPES.policyDocument) {
    return problem(['contentType'], `不接受的内容类型 ${String(message.contentType)} (only policy documents are syndicated)`);
  }
  if (!ACTIONS.has(message.action)) {
    return problem(['action'], 'action 须为 publish、update、unpublish 或 delete (action must be publish, update, unpublish or delete)');
  }
  if (!Number.isInteger(message.version) || message.version < 1) return problem(['version'], 'version 须为正整数 (version must be a positive integer)');
  if (!absent(message.source)) {
    if (!isObject(message.source)) return problem(['source'], 'source 须为对象 (source must be an object)');
    for (const field of ['url', 'documentUrl']) {
      const found = addressProblem(message.source[field], ['source', field]);
      if (found) return found;
    }
  }
  if (!Array.isArray(message.versions)) return problem(['versions'], 'versions 须为数组 (versions must be an array)');
  for (const [index, version] of message.versions.entries()) {
    if (!isObject(version)) return problem(['versions', index], `versions.${index} 须为对象 (versions.${index} must be an object)`);
    if (absent(version.attachments)) continue;
    const path = ['versions', index, 'attachments'];
    if (!Array.isArray(version.attachments)) return problem(path, `${fieldLabel(path)}须为数组 (${path.join('.')} must be an array)`);
    for (const [position, ref] of version.attachments.entries()) {
      const found = attachmentProblem(ref, [...path, position]);
      if (found) return found;
    }
  }
  if ((message.action === 'publish' || message.action === 'update') && !message.versions.some((v: any) => v.locale === 'zh-Hans' && typeof v.title === 'string' && v.title)) {
    return problem(['versions'], '缺少带标题的简体中文版本 (a zh-Hans version with a title is required)');
  }
  return null;
}

/** What is wrong with a subscriber's receipt for a reprint (POST /api/disclosure/receipts), or null. */
export function receiptProblem(message: any): MessageProblem | null {
  const receipt = message?.receipt;
  if (typeof message?.documentId !== 'string' || !Number.isInteger(message?.version) || !isObject(receipt) || typeof receipt.status !== 'string') {
    return problem([], '回执须含 documentId、version 与 receipt.status (documentId, version and receipt.status are required)');
  }
  // The source's admin shows the reprint's address as a link.
  return addressProblem(receipt.url, ['receipt', 'url']);
}

/**
 * The receipt in a receiver's answer to a delivery, as kept: an object, with its address only if it
 * is http(s) (it is shown as a link; the delivery itself did arrive, so the rest is kept).
 */
export function receiptFromAnswer(data: unknown): Record<string, unknown> | null {
  if (!isObject(data)) return null;
  return absent(data.url) || isWebAddress(data.url) ? data : { ...data, url: null };
}
