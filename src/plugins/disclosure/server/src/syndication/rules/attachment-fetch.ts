/**
 * Fetching a syndicated document's attachment from its source and proving it is the file the source
 * published: the declared size and SHA-256 must match what arrived. Only from origins the receiver
 * trusts for that source (a signed message must not make the portal fetch from its own network), with
 * a size limit enforced while reading, not after.
 */
import { createHash } from 'crypto';
import { createWriteStream } from 'fs';
import { unlink } from 'fs/promises';
import { once } from 'events';
import { webAddress } from '../../../../shared/web-address';

export interface AttachmentToFetch {
  url: string;
  sizeInBytes: number | null;
  /** Hex; always declared (a syndication message without it is refused before anything is fetched) */
  sha256: string;
}

export type AttachmentFailureKind =
  /** Not worth retrying as it is: off-origin URL, wrong size or hash, over the limit */
  | 'refused'
  /** The source did not serve it now (network, 5xx, 404 while it republishes): the sender retries */
  | 'unavailable';

export class AttachmentFetchError extends Error {
  constructor(
    readonly kind: AttachmentFailureKind,
    message: string
  ) {
    super(message);
    this.name = 'AttachmentFetchError';
  }
}

/** The origin (scheme, host, port) of an http(s) URL, or null. */
export const httpOrigin = (value: string | null | undefined): string | null =>
  webAddress(value)?.origin ?? null;

/** Whether `url` is on one of the trusted origins. */
export function isFromTrustedOrigin(url: string, trustedOrigins: string[]): boolean {
  const origin = httpOrigin(url);
  return !!origin && trustedOrigins.includes(origin);
}

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** What a failed fetch or stream may tell of itself (an Error, an AbortSignal's TimeoutError, undici's cause). */
type FailureFields =
  { name?: unknown; message?: unknown; cause?: { code?: unknown } } | null | undefined;

/**
 * Downloads `attachment` to `destination`, hashing as it streams. Resolves with the SHA-256 (hex) and
 * size of what was written; rejects with an AttachmentFetchError (and no file left) otherwise.
 */
export async function fetchVerified(
  attachment: AttachmentToFetch,
  destination: string,
  limits: FetchLimits,
  fetchImpl: typeof fetch = fetch
): Promise<{ sha256: string; sizeInBytes: number }> {
  const name = attachment.url;
  if (attachment.sizeInBytes !== null && attachment.sizeInBytes > limits.maxBytes) {
    throw new AttachmentFetchError(
      'refused',
      `附件 ${name} 大小 ${attachment.sizeInBytes} 字节，超过上限 ${limits.maxBytes} 字节 (attachment larger than the ${limits.maxBytes}-byte limit)`
    );
  }
  let response: Response;
  try {
    response = await fetchImpl(attachment.url, {
      redirect: 'error',
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch (caught) {
    const failure = caught as FailureFields;
    const why =
      failure?.name === 'TimeoutError'
        ? `${limits.timeoutMs / 1000} 秒内未取到 (no answer within ${limits.timeoutMs / 1000} s)`
        : String(failure?.cause?.code ?? failure?.message ?? failure);
    throw new AttachmentFetchError(
      'unavailable',
      `附件 ${name} 暂时无法获取：${why} (attachment unavailable)`
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new AttachmentFetchError(
      'unavailable',
      `附件 ${name} 暂时无法获取：HTTP ${response.status} (attachment unavailable)`
    );
  }

  const hash = createHash('sha256');
  const file = createWriteStream(destination);
  let size = 0;
  const fail = async (error: AttachmentFetchError): Promise<never> => {
    // Closed before unlinking: a stream still opening would create the file again afterwards.
    const closed = file.closed ? Promise.resolve() : once(file, 'close');
    file.destroy();
    await closed.catch(() => undefined);
    await unlink(destination).catch(() => undefined);
    throw error;
  };
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        await response.body.cancel().catch(() => undefined);
        return await fail(
          new AttachmentFetchError(
            'refused',
            `附件 ${name} 超过上限 ${limits.maxBytes} 字节 (attachment larger than the ${limits.maxBytes}-byte limit)`
          )
        );
      }
      hash.update(chunk);
      if (!file.write(chunk)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
  } catch (caught) {
    if (caught instanceof AttachmentFetchError) throw caught;
    const failure = caught as FailureFields;
    return fail(
      new AttachmentFetchError(
        'unavailable',
        `附件 ${name} 下载中断：${failure?.message ?? failure} (download interrupted)`
      )
    );
  }

  const sha256 = hash.digest('hex');
  if (attachment.sizeInBytes !== null && size !== attachment.sizeInBytes) {
    return fail(
      new AttachmentFetchError(
        'refused',
        `附件 ${name} 大小不符：声明 ${attachment.sizeInBytes} 字节，实收 ${size} 字节 (size mismatch)`
      )
    );
  }
  if (sha256 !== attachment.sha256.toLowerCase()) {
    return fail(
      new AttachmentFetchError(
        'refused',
        `附件 ${name} 校验值不符：声明 sha256 ${attachment.sha256}，实收 ${sha256} (SHA-256 mismatch)`
      )
    );
  }
  return { sha256, sizeInBytes: size };
}
