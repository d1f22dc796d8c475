/**
 * An uploaded image must be what it was declared as: content of another format than the declared
 * type, or no image at all, is refused. (The file's extension is checked for every kind of file, in
 * file-kinds.)
 */
const DECLARED_AS: Record<string, string[]> = {
  jpeg: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  gif: ['image/gif'],
  tiff: ['image/tiff'],
  bmp: ['image/bmp', 'image/x-bmp', 'image/x-ms-bmp'],
  avif: ['image/avif'],
};

/**
 * Why the file is not the image it was declared as, or null. `detected` is the image format found
 * in its content (a file-kinds image kind), undefined when the content is not an image.
 */
export function imageClaimProblem(
  detected: string | undefined,
  declaredMime: string | undefined
): string | null {
  const declared = declaredMime?.toLowerCase();
  if (!declared?.startsWith('image/')) return null;
  if (!detected || !DECLARED_AS[detected])
    return `文件声明为图片（${declaredMime}），但内容不是可识别的图片 (the file claims to be an image but its content is not one)`;
  if (DECLARED_AS[detected].includes(declared)) return null;
  return `文件内容为 ${detected.toUpperCase()} 图片，与所称的 ${declaredMime} 不符，请按实际格式保存后再上传 (the content is ${detected}, not ${declaredMime})`;
}
