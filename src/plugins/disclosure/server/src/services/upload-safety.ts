import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { promises as fs } from 'fs';
import path from 'path';
import sharp from 'sharp';
import { activeContentKind, SNIFF_BYTES, type ActiveContent } from '../domain/active-content';

/** Largest image accepted, in pixels (a 50-megapixel camera; a decompression bomb is far above). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Formats re-encoded on upload: everything Strapi optimizes (GIF and SVG are not; SVG is refused). */
const REENCODED = new Set(['jpeg', 'png', 'webp', 'tiff', 'avif']);

const tooLarge = (width: number, height: number) =>
  new errors.ApplicationError(
    `图片像素过大：${width}×${height}，上限 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素 (image too large: ${width}×${height}; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels)`,
    { maxPixels: MAX_INPUT_PIXELS }
  );

const ACTIVE_CONTENT_NAMES: Record<ActiveContent, string> = {
  executable: '可执行程序 (an executable)',
  script: '脚本 (a script)',
  markup: 'HTML 或 SVG 文档 (HTML or SVG markup)',
};

async function refuseActiveContent(files: unknown): Promise<void> {
  const list = (Array.isArray(files) ? files : [files]).filter(Boolean) as Array<{ filepath?: string; originalFilename?: string }>;
  for (const file of list) {
    if (!file.filepath) continue;
    const handle = await fs.open(file.filepath, 'r');
    const head = Buffer.alloc(SNIFF_BYTES);
    try {
      await handle.read(head, 0, SNIFF_BYTES, 0);
    } finally {
      await handle.close();
    }
    const kind = activeContentKind(head);
    if (kind) {
      throw new errors.ValidationError(
        `不允许上传该类型的文件：${file.originalFilename ?? ''} 的内容是${ACTIVE_CONTENT_NAMES[kind]}，不接受 SVG、HTML、脚本和可执行文件 (file content is ${kind}: not accepted)`,
        { fileName: file.originalFilename, content: kind }
      );
    }
  }
}

/**
 * Files whose content would run (executables, scripts, HTML, SVG) are refused whatever their name
 * or declared type, before Strapi's own type checks (which rely on the name when the content's type
 * cannot be detected).
 *
 * Every uploaded image is re-encoded before it is stored, so no original keeps its EXIF, GPS or XMP
 * metadata (a photo from a phone otherwise publishes where it was taken), with its orientation
 * applied first; and an image above MAX_INPUT_PIXELS is refused from its header, before decoding.
 * Derivatives (thumbnails, breakpoints) come from the cleaned original, and sharp writes no
 * metadata unless asked to.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  install() {
    const uploads = strapi.plugin('upload')?.service('upload') as any;
    const images = strapi.plugin('upload')?.service('image-manipulation') as any;
    if (!uploads || !images) return;

    const upload = uploads.upload;
    uploads.upload = async (input: { files: unknown }, ...rest: unknown[]) => {
      await refuseActiveContent(input?.files);
      return upload(input, ...rest);
    };
    const replace = uploads.replace;
    uploads.replace = async (id: unknown, input: { file: unknown }, ...rest: unknown[]) => {
      await refuseActiveContent(input?.file);
      return replace(id, input, ...rest);
    };

    const isFaultyImage = images.isFaultyImage;

    images.isFaultyImage = async (file: any) => {
      const { format, width = 0, height = 0 } = await sharp(file.filepath)
        .metadata()
        .catch(() => ({ format: undefined, width: 0, height: 0 }));
      // By content, whatever the name or declared type says: an SVG runs script on this origin.
      if (format === 'svg') {
        throw new errors.ApplicationError('不允许上传 SVG 图像：SVG 可携带脚本，请转为 PNG 或 JPEG (SVG images are not accepted: convert to PNG or JPEG)');
      }
      if (width * height > MAX_INPUT_PIXELS) throw tooLarge(width, height);
      return isFaultyImage(file);
    };

    images.optimize = async (file: any) => {
      const metadata = await sharp(file.filepath).metadata();
      if (!metadata.format || !REENCODED.has(metadata.format)) return file;
      const { width = 0, height = 0 } = metadata;
      if (width * height > MAX_INPUT_PIXELS) throw tooLarge(width, height);
      const { sizeOptimization = false } = (await strapi.plugin('upload').service('upload').getSettings()) ?? {};
      const output = path.join(file.tmpWorkingDirectory ?? path.dirname(file.filepath), `clean-${file.hash}`);
      const info = await sharp(file.filepath, { limitInputPixels: MAX_INPUT_PIXELS, animated: true })
        .rotate()
        .toFormat(metadata.format as keyof sharp.FormatEnum, { quality: sizeOptimization ? 80 : 95 })
        .toFile(output);
      return Object.assign({ ...file }, {
        filepath: output,
        getStream: () => require('fs').createReadStream(output),
        width: info.width,
        height: info.height,
        size: Math.round((info.size / 1000) * 100) / 100,
        sizeInBytes: info.size,
      });
    };
  },
});
