import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createReadStream } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import sharp from 'sharp';
import { UPLOAD_FILE_UID } from '../../../../shared/constants';
import { checkFile, IMAGE_KINDS, withFileSource, type FileVerdict } from '../rules/file-kinds';
import { imageClaimProblem } from '../rules/image-format';
import { tilePlan } from '../rules/image-tiles';
import { getConfig } from '../../utils/get-config';

/** Formats re-encoded on upload: everything Strapi optimizes (GIF and SVG are not; SVG is refused). */
const REENCODED = new Set(['jpeg', 'png', 'webp', 'tiff', 'avif']);
/** A file as the upload service receives it (parsed by formidable, or built by syndication). */
interface IncomingFile {
  filepath?: string;
  originalFilename?: string;
  mimetype?: string;
  detectedMimeType?: string;
}

/**
 * A file as the upload plugin hands it to image manipulation, and as its formats come back (Strapi
 * declares no type for it): the fields read and written here, the rest carried along.
 */
interface UploadFile {
  name: string;
  hash: string;
  filepath?: string;
  tmpWorkingDirectory?: string;
  path?: string | null;
  getStream(): NodeJS.ReadableStream;
  [field: string]: unknown;
}

/** One of Strapi's responsive formats (thumbnail, breakpoints): none where the image is too small. */
type ResponsiveFormat = { key: string; file: UploadFile } | null | undefined;

/** The upload plugin's services, as far as they are wrapped here (Strapi types services as Core.Service). */
interface UploadService {
  upload(input: { files: unknown }, ...rest: unknown[]): Promise<unknown>;
  replace(id: unknown, input: { file: unknown }, ...rest: unknown[]): Promise<unknown>;
  getSettings(): Promise<{ sizeOptimization?: boolean } | null | undefined>;
}
interface ImageManipulationService {
  isFaultyImage(file: UploadFile): Promise<boolean>;
  optimize(file: UploadFile): Promise<UploadFile>;
  generateResponsiveFormats(file: UploadFile): Promise<ResponsiveFormat[] | null | undefined>;
}

const sortFormats = (data: { formats?: unknown } | null | undefined) => {
  if (data?.formats && typeof data.formats === 'object') {
    data.formats = Object.fromEntries(
      Object.entries(data.formats).sort(([a], [b]) => a.localeCompare(b))
    );
  }
};

/** WebP quality of the derivatives: small for phones, no visible loss on text-heavy 图解. */
const WEBP_QUALITY = 82;

const tooLarge = (width: number, height: number, maxPixels: number) =>
  new errors.ApplicationError(
    `图片像素过大：${width}×${height}，上限 ${maxPixels / 1_000_000} 百万像素 (image too large: ${width}×${height}; at most ${maxPixels / 1_000_000} megapixels)`,
    { maxPixels }
  );

/**
 * Every file stored through the upload plugin (the content API, the admin's uploads, replacements
 * and imports from URLs, syndicated attachments) must be a kind a disclosure site publishes, decided
 * on its bytes (rules/file-kinds), under an extension of that kind; it is stored with that kind's
 * type, whatever type it was declared with. An image must also be the image it was declared as.
 *
 * Every uploaded image is re-encoded before it is stored, so no original keeps its EXIF, GPS or XMP
 * metadata (a photo from a phone otherwise publishes where it was taken), with its orientation
 * applied first; and an image above the pixel limit (images.maxPixels, default 40 megapixels) is
 * refused from its header, before decoding. Beside Strapi's formats come WebP derivatives and, for very
 * tall infographics, tiles.
 * Derivatives (thumbnails, breakpoints) come from the cleaned original, and sharp writes no
 * metadata unless asked to.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const maxPixels = () => getConfig(strapi).images.maxPixels;
  /** The pixel limit, one rule wherever an image's size is read: the limit itself is allowed, one pixel more is not. */
  const refuseOverLimit = (width: number, height: number) => {
    if (width * height > maxPixels()) throw tooLarge(width, height, maxPixels());
  };

  /** The file's bytes for sharp: its path, or its stream read whole (Strapi may hand over either). */
  const inputOf = async (file: UploadFile): Promise<string | Buffer> => {
    if (file.filepath) return file.filepath;
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  /** A derivative written next to the original, shaped as Strapi's own formats are. */
  const derivative = async (file: UploadFile, key: string, pipeline: sharp.Sharp) => {
    const hash = `${key}_${file.hash}`;
    const filepath = path.join(file.tmpWorkingDirectory ?? tmpdir(), hash);
    const info = await pipeline.webp({ quality: WEBP_QUALITY }).toFile(filepath);
    return {
      key,
      file: {
        name: `${key}_${path.parse(file.name).name}.webp`,
        hash,
        ext: '.webp',
        mime: 'image/webp',
        filepath,
        path: file.path ?? null,
        getStream: () => createReadStream(filepath),
        width: info.width,
        height: info.height,
        size: Math.round((info.size / 1000) * 100) / 100,
        sizeInBytes: info.size,
      },
    };
  };

  /**
   * WebP derivatives beside Strapi's own formats (`webp` at full size, `<breakpoint>_webp` for each
   * breakpoint), and tiles of very tall infographics (`tile_01`, `tile_02`, … in reading order).
   */
  const extraFormats = async (
    file: UploadFile,
    formats: Array<{ key: string; file: UploadFile }>
  ) => {
    const input = await inputOf(file);
    const { format, width = 0, height = 0, pages = 1 } = await sharp(input).metadata();
    if (!format || !REENCODED.has(format) || pages > 1) return [];
    const source = () => sharp(input, { limitInputPixels: maxPixels() });
    const extra = [await derivative(file, 'webp', source())];
    for (const { key, file: resized } of formats) {
      if (resized)
        extra.push(
          await derivative(
            { ...resized, tmpWorkingDirectory: file.tmpWorkingDirectory },
            `${key}_webp`,
            sharp(await inputOf(resized))
          )
        );
    }
    const tiles = tilePlan(width, height);
    for (const [index, tile] of tiles.entries()) {
      const key = `tile_${String(index + 1).padStart(2, '0')}`;
      extra.push(
        await derivative(
          file,
          key,
          source().extract({ left: 0, top: tile.top, width, height: tile.height })
        )
      );
    }
    return extra;
  };

  /**
   * Checks every file before any is stored (one refused file stores none of its batch): its kind,
   * from the bytes; the image it was declared as; an image's pixels, from its header alone (even one
   * so large that Strapi would not call it an image). Then gives each its kind's type, and an
   * extension when its name had none. `servedExtension`: a replacement keeps the replaced file's.
   */
  const admit = async (files: unknown, servedExtension?: string) => {
    const list = (Array.isArray(files) ? files : [files]).filter(Boolean) as IncomingFile[];
    const admitted: Array<{
      file: IncomingFile;
      verdict: Extract<FileVerdict, { accepted: true }>;
    }> = [];
    for (const file of list) {
      const name = file.originalFilename ?? '';
      // Strapi stores what is at filepath; a file without one is not read, so it is not stored either.
      if (!file.filepath)
        throw new errors.ValidationError(
          `无法读取上传的文件内容：${name} (the file's content could not be read)`,
          { fileName: name }
        );
      const filepath = file.filepath;
      const verdict = await withFileSource(filepath, (source) =>
        checkFile(source, name, servedExtension)
      );
      if (verdict.accepted === false)
        throw new errors.ValidationError(verdict.message, { fileName: name });
      const image = IMAGE_KINDS.has(verdict.kind);
      const claim = imageClaimProblem(image ? verdict.kind : undefined, file.mimetype);
      if (claim) throw new errors.ValidationError(claim, { fileName: name });
      if (image) {
        const { width = 0, height = 0 } = await sharp(filepath, { limitInputPixels: false })
          .metadata()
          .catch(() => ({ width: 0, height: 0 }));
        refuseOverLimit(width, height);
      }
      admitted.push({ file, verdict });
    }
    for (const { file, verdict } of admitted) {
      // Strapi prefers detectedMimeType (its own guess) to the declared type; both become the kind's.
      file.mimetype = verdict.mime;
      file.detectedMimeType = verdict.mime;
      if (!path.extname(file.originalFilename ?? ''))
        file.originalFilename = `${file.originalFilename ?? 'file'}${verdict.extension}`;
    }
  };

  return {
    install() {
      const uploads = strapi.plugin('upload')?.service('upload') as UploadService | undefined;
      const images = strapi.plugin('upload')?.service('image-manipulation') as
        ImageManipulationService | undefined;
      if (!uploads || !images) return;

      const upload = uploads.upload;
      uploads.upload = async (input: { files: unknown }, ...rest: unknown[]) => {
        await admit(input?.files);
        return upload(input, ...rest);
      };
      const replace = uploads.replace;
      uploads.replace = async (id: unknown, input: { file: unknown }, ...rest: unknown[]) => {
        // Files are numbered: anything else would reach PostgreSQL as a malformed integer (a 500).
        if (!/^[1-9]\d{0,15}$/.test(String(id)))
          throw new errors.NotFoundError(`文件不存在：${String(id)} (file not found)`);
        // The replaced file keeps its address, extension included: the new content must suit it.
        const stored = await strapi.db
          .query(UPLOAD_FILE_UID)
          .findOne({ where: { id }, select: ['ext'] });
        if (stored) await admit(input?.file, stored.ext || undefined);
        return replace(id, input, ...rest);
      };

      const isFaultyImage = images.isFaultyImage;

      images.isFaultyImage = async (file: UploadFile) => {
        const {
          format,
          width = 0,
          height = 0,
        } = await sharp(file.filepath)
          .metadata()
          .catch(() => ({ format: undefined, width: 0, height: 0 }));
        // By content, whatever the name or declared type says: an SVG runs script on this origin.
        if (format === 'svg') {
          throw new errors.ApplicationError(
            '不允许上传 SVG 图像：SVG 可携带脚本，请转为 PNG 或 JPEG (SVG images are not accepted: convert to PNG or JPEG)'
          );
        }
        refuseOverLimit(width, height);
        return isFaultyImage(file);
      };

      images.optimize = async (file: UploadFile) => {
        const metadata = await sharp(file.filepath).metadata();
        if (!metadata.format || !REENCODED.has(metadata.format)) return file;
        const { width = 0, height = 0 } = metadata;
        refuseOverLimit(width, height);
        const { sizeOptimization = false } =
          (await (strapi.plugin('upload').service('upload') as UploadService).getSettings()) ?? {};
        // A file sharp has just read from its path.
        const output = path.join(
          file.tmpWorkingDirectory ?? path.dirname(file.filepath!),
          `clean-${file.hash}`
        );
        const info = await sharp(file.filepath, { limitInputPixels: maxPixels(), animated: true })
          .rotate()
          .toFormat(metadata.format as keyof sharp.FormatEnum, {
            quality: sizeOptimization ? 80 : 95,
          })
          .toFile(output);
        return Object.assign(
          { ...file },
          {
            filepath: output,
            getStream: () => createReadStream(output),
            width: info.width,
            height: info.height,
            size: Math.round((info.size / 1000) * 100) / 100,
            sizeInBytes: info.size,
          }
        );
      };

      // Strapi files its formats as their uploads finish; stored sorted, tiles come in reading order.
      strapi.db.lifecycles.subscribe({
        models: [UPLOAD_FILE_UID],
        beforeCreate: (event) => sortFormats(event.params?.data),
        beforeUpdate: (event) => sortFormats(event.params?.data),
      });

      const generateResponsiveFormats = images.generateResponsiveFormats;
      images.generateResponsiveFormats = async (file: UploadFile) => {
        const formats = ((await generateResponsiveFormats(file)) ?? []).filter(
          (format): format is NonNullable<ResponsiveFormat> => Boolean(format)
        );
        return [...formats, ...(await extraFormats(file, formats))];
      };
    },
  };
};
