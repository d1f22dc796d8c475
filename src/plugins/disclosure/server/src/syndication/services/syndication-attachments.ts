import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'crypto';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import { UPLOAD_FILE_UID } from '../../../../shared/constants';
import type { AttachmentRef } from '../../../../shared/contracts/syndication';
import {
  AttachmentFetchError,
  fetchVerified,
  httpOrigin,
  isFromTrustedOrigin,
} from '../rules/attachment-fetch';
import { getConfig } from '../../utils/get-config';
import type { SourceRow } from '../rows';

/** One attachment may take this long to arrive. */
export const ATTACHMENT_TIMEOUT_MS = 60_000;

/** What a copy's attachments were made from: the source's file (by hash) and the local file. */
export interface AttachmentManifestEntry {
  url: string;
  sha256: string;
  fileId: number;
}

/** A reference as the message's validation lets it through: with its SHA-256. */
export type VerifiedAttachmentRef = AttachmentRef & { sha256: string };

export interface PreparedAttachments {
  fileIds: number[];
  manifest: AttachmentManifestEntry[];
  /** Files uploaded for this message: removed again if the copy is not stored */
  uploaded: number[];
}

/**
 * The receiver's side of a reprint's attachments: each is fetched from the source's own origin (or
 * one configured for it), checked against the size and SHA-256 the source declared, and stored through
 * the upload plugin (so the upload safeguards apply). Files the copy already has, by hash, are reused.
 * Fetching happens before the copy's transaction; what was uploaded is removed if the copy fails.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const trustedOrigins = (source: SourceRow): string[] => {
    const configured = getConfig(strapi).syndication.attachmentOrigins;
    return [httpOrigin(source.baseUrl), ...configured.map(httpOrigin)].filter(
      (origin): origin is string => !!origin
    );
  };

  const maxBytes = () =>
    Number(strapi.config.get<{ sizeLimit?: unknown } | undefined>('plugin::upload')?.sizeLimit) ||
    100 * 1024 * 1024;

  /** The copy's earlier files still present, by the source file's hash. */
  const reusable = async (manifest: AttachmentManifestEntry[] | null | undefined) => {
    const entries = Array.isArray(manifest) ? manifest : [];
    if (!entries.length) return new Map<string, AttachmentManifestEntry>();
    const present: Array<{ id: number }> = await strapi.db
      .query(UPLOAD_FILE_UID)
      .findMany({ where: { id: { $in: entries.map((entry) => entry.fileId) } }, select: ['id'] });
    const ids = new Set(present.map((file) => file.id));
    return new Map(
      entries.filter((entry) => ids.has(entry.fileId)).map((entry) => [entry.sha256, entry])
    );
  };

  const discard = async (fileIds: number[]) => {
    const upload = strapi.plugin('upload').service('upload');
    for (const id of fileIds) {
      const file = await strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id } });
      if (file)
        await upload
          .remove(file)
          .catch((error: Error) =>
            strapi.log.warn(`syndication: could not remove attachment ${id}: ${error.message}`)
          );
    }
  };

  return {
    discard,

    /**
     * Fetches, verifies and stores `refs`; throws an AttachmentFetchError naming the first that fails
     * (and leaves nothing uploaded behind).
     */
    async prepare(
      source: SourceRow,
      refs: VerifiedAttachmentRef[],
      previousManifest: AttachmentManifestEntry[] | null | undefined
    ): Promise<PreparedAttachments> {
      const result: PreparedAttachments = { fileIds: [], manifest: [], uploaded: [] };
      if (!refs.length) return result;
      const origins = trustedOrigins(source);
      for (const ref of refs) {
        if (!isFromTrustedOrigin(ref.url, origins)) {
          throw new AttachmentFetchError(
            'refused',
            origins.length
              ? `附件 ${ref.url} 不在来源站点的地址下（允许：${origins.join('、')}） (attachment not on the source's origin)`
              : `来源 ${source.name} 未登记网址，无法获取附件 ${ref.url}；请在转载来源中填写其网址 (the source has no base URL, so attachments cannot be fetched)`
          );
        }
      }
      const known = await reusable(previousManifest);
      const workspace = await mkdtemp(path.join(tmpdir(), 'disclosure-attachments-'));
      try {
        for (const ref of refs) {
          const kept = known.get(ref.sha256.toLowerCase());
          if (kept) {
            result.fileIds.push(kept.fileId);
            result.manifest.push({ ...kept, url: ref.url });
            continue;
          }
          const filepath = path.join(workspace, randomUUID());
          const { sha256, sizeInBytes } = await fetchVerified(ref, filepath, {
            maxBytes: maxBytes(),
            timeoutMs: ATTACHMENT_TIMEOUT_MS,
          });
          const [file]: Array<{ id: number }> = await strapi
            .plugin('upload')
            .service('upload')
            .upload({
              data: { fileInfo: { name: ref.name, caption: null, alternativeText: null } },
              files: {
                filepath,
                originalFilename: ref.name,
                mimetype: ref.mime ?? 'application/octet-stream',
                size: sizeInBytes,
              },
            });
          result.uploaded.push(file.id);
          result.fileIds.push(file.id);
          result.manifest.push({ url: ref.url, sha256, fileId: file.id });
        }
        return result;
      } catch (failure) {
        await discard(result.uploaded);
        // The upload rules refused the file (its type, its pixels): a reason the sender can act on.
        if (failure instanceof errors.ApplicationError) {
          throw new AttachmentFetchError(
            'refused',
            `附件未能保存：${failure.message} (attachment refused by the upload rules)`
          );
        }
        throw failure;
      } finally {
        await rm(workspace, { recursive: true, force: true });
      }
    },
  };
};
