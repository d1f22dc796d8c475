/**
 * An uploaded image must be what it claims: the format found in its content must match the type it
 * was declared with and its file extension (a PNG called .jpg, or text called .png, is refused).
 */
const FORMATS: Record<string, { mimes: string[]; extensions: string[] }> = {
  jpeg: { mimes: ['image/jpeg', 'image/jpg', 'image/pjpeg'], extensions: ['.jpg', '.jpeg', '.jfif'] },
  png: { mimes: ['image/png'], extensions: ['.png'] },
  webp: { mimes: ['image/webp'], extensions: ['.webp'] },
  gif: { mimes: ['image/gif'], extensions: ['.gif'] },
  tiff: { mimes: ['image/tiff'], extensions: ['.tif', '.tiff'] },
  avif: { mimes: ['image/avif'], extensions: ['.avif'] },
  heif: { mimes: ['image/heif', 'image/heic'], extensions: ['.heif', '.heic'] },
};
const KNOWN_EXTENSIONS = new Set(Object.values(FORMATS).flatMap((format) => format.extensions));

/** Why the file is not the image it claims to be, or null. `detected` is the format in its content. */
export function imageClaimProblem(detected: string | undefined, declaredMime: string | undefined, extension: string | undefined): string | null {
  if (!declaredMime?.startsWith('image/')) return null;
  if (!detected) return `文件声明为图片（${declaredMime}），但内容不是可识别的图片 (the file claims to be an image but its content is not one)`;
  const format = FORMATS[detected];
  if (!format) return null;
  const ext = extension?.toLowerCase();
  const declaredOther = !format.mimes.includes(declaredMime);
  const namedOther = !!ext && KNOWN_EXTENSIONS.has(ext) && !format.extensions.includes(ext);
  if (!declaredOther && !namedOther) return null;
  const claimed = declaredOther ? declaredMime : ext;
  return `文件内容为 ${detected.toUpperCase()} 图片，与所称的 ${claimed} 不符，请按实际格式保存后再上传 (the content is ${detected}, not ${claimed})`;
}
