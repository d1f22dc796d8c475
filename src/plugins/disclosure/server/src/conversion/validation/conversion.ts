import { LOCALE_CODES, type LocaleCode } from '../../../../shared/constants';
import { refuse } from '../../utils/validation';

export const CONVERT_LIMIT_BYTES = 1024 * 1024;

export interface ConvertRequest {
  value: string | unknown[];
  from: LocaleCode;
  to: LocaleCode;
}

/** Thrown for a body over the limit; the controller answers 413 with the limit in the message. */
export class TooLargeError extends Error {
  readonly status = 413;
}

export function validateConvertBody(body: unknown, byteLength: number): ConvertRequest {
  if (byteLength > CONVERT_LIMIT_BYTES) {
    throw new TooLargeError(
      `待转换内容超过 1 MB 上限（${CONVERT_LIMIT_BYTES} 字节），本次 ${byteLength} 字节 (content over the 1 MB limit of ${CONVERT_LIMIT_BYTES} bytes: ${byteLength} bytes)`
    );
  }
  const input = (body ?? {}) as Record<string, unknown>;
  const { from, to } = input;
  if (typeof from !== 'string' || !LOCALE_CODES.includes(from)) refuse('from', 'from 须为 zh-Hans 或 zh-Hant (from must be zh-Hans or zh-Hant)');
  if (typeof to !== 'string' || !LOCALE_CODES.includes(to)) refuse('to', 'to 须为 zh-Hans 或 zh-Hant (to must be zh-Hans or zh-Hant)');
  if (from === to) refuse('to', 'from 与 to 不能相同 (from and to must differ)');
  const hasText = typeof input.text === 'string';
  const hasBlocks = Array.isArray(input.blocks);
  if (hasText === hasBlocks) refuse('text', '须提供 text（字符串）或 blocks（数组）之一 (give either text, a string, or blocks, an array)');
  return { value: (hasText ? input.text : input.blocks) as string | unknown[], from: from as ConvertRequest['from'], to: to as ConvertRequest['to'] };
}
