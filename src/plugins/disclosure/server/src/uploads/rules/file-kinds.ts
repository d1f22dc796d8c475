/**
 * What a disclosure site publishes, recognised from a file's own bytes: PDF, OFD, office documents,
 * images, archives, audio and video. Anything else is refused: HTML, XHTML, XML, SVG, scripts,
 * executables, plain text, unknown bytes.
 *
 * An allow-list by signature rather than a search for dangerous content: markup can hide anywhere
 * (a prefixed `<x:script>`, past the first kilobyte, in a file called .xml), whereas each accepted
 * kind starts with a binary signature no browser reads as a page. A file is also stored under an
 * extension of its own kind, since that is what it is served by: a PDF called .html would be served
 * as a page. Only the header is read, and for ZIP containers the central directory at the end, never
 * a whole (possibly 100 MB) video.
 */
import { open } from 'fs/promises';
import path from 'path';

/** Random access to a file's bytes. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position`; fewer at the end of the file. */
  read(position: number, length: number): Promise<Uint8Array>;
}

export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: async (position, length) => bytes.subarray(position, position + length),
});

/** Opens `filepath` for `use` and closes it afterwards. */
export async function withFileSource<T>(
  filepath: string,
  use: (source: ByteSource) => Promise<T>
): Promise<T> {
  const handle = await open(filepath, 'r');
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      read: async (position, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    await handle.close();
  }
}

interface Kind {
  /** As editors say it, after 文件内容为 */
  label: string;
  english: string;
  /** Extensions a file of this kind may have, each with the type it is served and stored as */
  extensions: Record<string, string>;
}

// Kingsoft WPS formats have no registered media type: stored as a download.
const NO_REGISTERED_TYPE = 'application/octet-stream';

export const KINDS = {
  pdf: { label: 'PDF 文档', english: 'a PDF document', extensions: { '.pdf': 'application/pdf' } },
  ofd: {
    label: 'OFD 版式文档',
    english: 'an OFD document',
    extensions: { '.ofd': 'application/ofd' },
  },
  docx: {
    label: 'Word 文档',
    english: 'a Word document',
    extensions: {
      '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  },
  xlsx: {
    label: 'Excel 表格',
    english: 'an Excel workbook',
    extensions: { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  },
  pptx: {
    label: 'PowerPoint 演示文稿',
    english: 'a PowerPoint presentation',
    extensions: {
      '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    },
  },
  // One container for Office 97–2003 and WPS alike; which application wrote it is not told apart.
  ole2: {
    label: 'Office 97–2003 或 WPS 文档',
    english: 'an Office 97–2003 or WPS document',
    extensions: {
      '.doc': 'application/msword',
      '.xls': 'application/vnd.ms-excel',
      '.ppt': 'application/vnd.ms-powerpoint',
      '.wps': NO_REGISTERED_TYPE,
      '.et': NO_REGISTERED_TYPE,
      '.dps': NO_REGISTERED_TYPE,
    },
  },
  odt: {
    label: 'ODF 文本文档',
    english: 'an ODF text document',
    extensions: { '.odt': 'application/vnd.oasis.opendocument.text' },
  },
  ods: {
    label: 'ODF 电子表格',
    english: 'an ODF spreadsheet',
    extensions: { '.ods': 'application/vnd.oasis.opendocument.spreadsheet' },
  },
  odp: {
    label: 'ODF 演示文稿',
    english: 'an ODF presentation',
    extensions: { '.odp': 'application/vnd.oasis.opendocument.presentation' },
  },
  jpeg: {
    label: 'JPEG 图片',
    english: 'a JPEG image',
    extensions: { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.jfif': 'image/jpeg' },
  },
  png: { label: 'PNG 图片', english: 'a PNG image', extensions: { '.png': 'image/png' } },
  gif: { label: 'GIF 图片', english: 'a GIF image', extensions: { '.gif': 'image/gif' } },
  webp: { label: 'WebP 图片', english: 'a WebP image', extensions: { '.webp': 'image/webp' } },
  tiff: {
    label: 'TIFF 图片',
    english: 'a TIFF image',
    extensions: { '.tif': 'image/tiff', '.tiff': 'image/tiff' },
  },
  bmp: { label: 'BMP 图片', english: 'a BMP image', extensions: { '.bmp': 'image/bmp' } },
  avif: { label: 'AVIF 图片', english: 'an AVIF image', extensions: { '.avif': 'image/avif' } },
  zip: { label: 'ZIP 压缩包', english: 'a ZIP archive', extensions: { '.zip': 'application/zip' } },
  rar: {
    label: 'RAR 压缩包',
    english: 'a RAR archive',
    extensions: { '.rar': 'application/vnd.rar' },
  },
  '7z': {
    label: '7z 压缩包',
    english: 'a 7z archive',
    extensions: { '.7z': 'application/x-7z-compressed' },
  },
  gzip: {
    label: 'gzip 压缩包',
    english: 'a gzip archive',
    extensions: { '.gz': 'application/gzip', '.tgz': 'application/gzip' },
  },
  mp3: { label: 'MP3 音频', english: 'MP3 audio', extensions: { '.mp3': 'audio/mpeg' } },
  aac: { label: 'AAC 音频', english: 'AAC audio', extensions: { '.aac': 'audio/aac' } },
  wav: { label: 'WAV 音频', english: 'WAV audio', extensions: { '.wav': 'audio/wav' } },
  ogg: {
    label: 'Ogg 音频',
    english: 'Ogg audio',
    extensions: {
      '.ogg': 'audio/ogg',
      '.oga': 'audio/ogg',
      '.opus': 'audio/ogg',
      '.ogv': 'video/ogg',
    },
  },
  flac: { label: 'FLAC 音频', english: 'FLAC audio', extensions: { '.flac': 'audio/flac' } },
  // ISO media: MP4 and QuickTime video, M4A audio (one family of boxes, told apart by the name).
  mp4: {
    label: 'MP4/MOV 视频或 M4A 音频',
    english: 'MP4/MOV video or M4A audio',
    extensions: {
      '.mp4': 'video/mp4',
      '.m4v': 'video/mp4',
      '.mov': 'video/quicktime',
      '.m4a': 'audio/mp4',
    },
  },
  webm: { label: 'WebM 视频', english: 'WebM video', extensions: { '.webm': 'video/webm' } },
  mkv: {
    label: 'Matroska 视频',
    english: 'Matroska video',
    extensions: { '.mkv': 'video/x-matroska', '.mka': 'audio/x-matroska' },
  },
  avi: { label: 'AVI 视频', english: 'AVI video', extensions: { '.avi': 'video/x-msvideo' } },
  flv: { label: 'FLV 视频', english: 'FLV video', extensions: { '.flv': 'video/x-flv' } },
  asf: {
    label: 'WMV 视频或 WMA 音频',
    english: 'WMV video or WMA audio',
    extensions: { '.wmv': 'video/x-ms-wmv', '.wma': 'audio/x-ms-wma' },
  },
} satisfies Record<string, Kind>;

export type KindId = keyof typeof KINDS;

export const IMAGE_KINDS: ReadonlySet<KindId> = new Set<KindId>([
  'jpeg',
  'png',
  'gif',
  'webp',
  'tiff',
  'bmp',
  'avif',
]);

/** Bytes read from the start: every signature and a ZIP's first entry (ODF's `mimetype`) fit. */
const HEAD_BYTES = 4096;
/** A ZIP's directory larger than this (some 100,000 entries) is not read: the file is refused. */
const MAX_ZIP_DIRECTORY_BYTES = 8 * 1024 * 1024;

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  Buffer.from(bytes.subarray(start, start + length)).toString('latin1');
const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ASF = [
  0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c,
];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
/** Windows Installer packages, patches and transforms are OLE2 too (class 000C1084/86/82-…-C000-000000000046). */
const INSTALLER_CLASSES = [0x84, 0x86, 0x82];
const INSTALLER_CLASS_REST = [
  0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
];
/** HEIF photos: not re-encodable here, so they would keep their GPS metadata. */
const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
]);
/** QuickTime files from before `ftyp`: their first atom. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'pnot']);
const ODF_KINDS: Record<string, KindId> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** An MPEG-1/2 Layer III frame header (bitrate and sample rate not the reserved values). */
const isMp3Frame = (b: Uint8Array, at = 0) =>
  b[at] === 0xff &&
  (b[at + 1] & 0xe0) === 0xe0 &&
  ((b[at + 1] >> 3) & 3) !== 1 &&
  ((b[at + 1] >> 1) & 3) === 1 &&
  b[at + 2] >> 4 !== 15 &&
  ((b[at + 2] >> 2) & 3) !== 3;
/** An AAC ADTS frame header. */
const isAdtsFrame = (b: Uint8Array, at = 0) => b[at] === 0xff && (b[at + 1] & 0xf6) === 0xf0;

/** The names in a ZIP's central directory, or null when it is not a readable ZIP. */
async function zipEntryNames(source: ByteSource): Promise<string[] | null> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0 && end < 0; at -= 1)
    if (startsWith(tail, [0x50, 0x4b, 0x05, 0x06], at)) end = at;
  if (end < 0) return null;
  const record = view(tail);
  let count = record.getUint16(end + 10, true);
  let directorySize = record.getUint32(end + 12, true);
  let directoryOffset = record.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: the real figures are in a record the locator (just before) points to.
    if (end < 20 || !startsWith(tail, [0x50, 0x4b, 0x06, 0x07], end - 20)) return null;
    const zip64 = await source.read(Number(record.getBigUint64(end - 20 + 8, true)), 56);
    if (zip64.length < 56 || !startsWith(zip64, [0x50, 0x4b, 0x06, 0x06])) return null;
    count = Number(view(zip64).getBigUint64(32, true));
    directorySize = Number(view(zip64).getBigUint64(40, true));
    directoryOffset = Number(view(zip64).getBigUint64(48, true));
  }
  if (directorySize > MAX_ZIP_DIRECTORY_BYTES || directoryOffset + directorySize > source.size)
    return null;
  const directory = await source.read(directoryOffset, directorySize);
  const entries = view(directory);
  const names: string[] = [];
  for (let at = 0; names.length < count;) {
    if (at + 46 > directory.length || !startsWith(directory, [0x50, 0x4b, 0x01, 0x02], at))
      return null;
    const nameLength = entries.getUint16(at + 28, true);
    names.push(Buffer.from(directory.subarray(at + 46, at + 46 + nameLength)).toString('utf8'));
    at += 46 + nameLength + entries.getUint16(at + 30, true) + entries.getUint16(at + 32, true);
  }
  return names;
}

/** A ZIP-based kind: ODF by its leading `mimetype` entry, OFD and OOXML by their entries' names. */
async function zipKind(source: ByteSource, head: Uint8Array): Promise<KindId | null> {
  const names = await zipEntryNames(source);
  if (!names) return null;
  const local = view(head);
  if (
    head.length >= 30 &&
    ascii(head, 30, local.getUint16(26, true)) === 'mimetype' &&
    local.getUint16(8, true) === 0
  ) {
    const dataAt = 30 + local.getUint16(26, true) + local.getUint16(28, true);
    const odf = ODF_KINDS[ascii(head, dataAt, local.getUint32(18, true)).trim()];
    if (odf) return odf;
  }
  const has = (name: string) => names.some((entry) => entry.toLowerCase() === name.toLowerCase());
  // Programs that happen to be ZIPs: Java and Android packages.
  if (has('META-INF/MANIFEST.MF') || has('AndroidManifest.xml')) return null;
  if (has('OFD.xml')) return 'ofd';
  if (has('[Content_Types].xml')) {
    // Macro-enabled documents (.docm, .xlsm, .pptm) carry their VBA project as a part.
    if (names.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry))) return null;
    if (names.some((entry) => entry.startsWith('word/'))) return 'docx';
    if (names.some((entry) => entry.startsWith('xl/'))) return 'xlsx';
    if (names.some((entry) => entry.startsWith('ppt/'))) return 'pptx';
  }
  return 'zip';
}

/** An OLE2 compound file that is not a Windows Installer package. */
async function ole2Kind(source: ByteSource, head: Uint8Array): Promise<KindId | null> {
  if (head.length < 512) return null;
  const header = view(head);
  const sectorShift = header.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  // The root entry is the first of the directory's first sector.
  const root = await source.read((header.getUint32(48, true) + 1) * 2 ** sectorShift, 128);
  if (root.length < 128 || root[66] !== 5) return null;
  if (INSTALLER_CLASSES.includes(root[80]) && startsWith(root, INSTALLER_CLASS_REST, 81))
    return null;
  return 'ole2';
}

/** ISO media (MP4, MOV, M4A) and AVIF, by the `ftyp` box's brands; HEIF photos are not accepted. */
function isoMediaKind(head: Uint8Array, fileSize: number): KindId | null {
  const boxType = ascii(head, 4, 4);
  // The first box's size is binary: text that happens to spell "ftyp" gives an absurd one.
  const boxSize = head.length >= 8 ? view(head).getUint32(0) : 0;
  if (boxType !== 'ftyp')
    return QUICKTIME_ATOMS.has(boxType) && boxSize >= 8 && boxSize <= fileSize ? 'mp4' : null;
  if (boxSize < 16 || boxSize > 1024 || boxSize % 4 !== 0 || boxSize > fileSize) return null;
  const brands = [ascii(head, 8, 4)];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4)
    brands.push(ascii(head, at, 4));
  if (brands[0] === 'avif' || brands[0] === 'avis') return 'avif';
  if (HEIF_BRANDS.has(brands[0])) return brands.includes('avif') ? 'avif' : null;
  return 'mp4';
}

/** WebM or Matroska, by the EBML header's DocType. */
function matroskaKind(head: Uint8Array): KindId | null {
  for (let at = 4; at + 3 < Math.min(head.length, 64); at += 1) {
    if (head[at] === 0x42 && head[at + 1] === 0x82 && head[at + 2] & 0x80) {
      const docType = ascii(head, at + 3, head[at + 2] & 0x7f);
      return docType === 'webm' ? 'webm' : docType === 'matroska' ? 'mkv' : null;
    }
  }
  return null;
}

/** MP3, AAC or FLAC behind an ID3v2 tag. */
async function afterId3(source: ByteSource, head: Uint8Array): Promise<KindId | null> {
  if (
    head.length < 10 ||
    head[3] < 2 ||
    head[3] > 4 ||
    [6, 7, 8, 9].some((index) => head[index] > 0x7f)
  )
    return null;
  const size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9];
  const next = await source.read(10 + size + (head[5] & 0x10 ? 10 : 0), HEAD_BYTES);
  // Some taggers pad with zeros beyond the tag's declared size.
  const at = next.findIndex((byte) => byte !== 0);
  if (at < 0) return null;
  if (startsWith(next, [0x66, 0x4c, 0x61, 0x43], at)) return 'flac';
  if (isMp3Frame(next, at)) return 'mp3';
  return isAdtsFrame(next, at) ? 'aac' : null;
}

/** Which accepted kind the file is, from its bytes, or null when it is none of them. */
export async function detectKind(source: ByteSource): Promise<KindId | null> {
  const head = await source.read(0, HEAD_BYTES);
  const text = (start: number, length: number) => ascii(head, start, length);
  if (text(0, 5) === '%PDF-') return 'pdf';
  if (
    startsWith(head, [0x50, 0x4b, 0x03, 0x04]) ||
    (source.size === 22 && startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
  )
    return zipKind(source, head);
  if (startsWith(head, OLE2)) return ole2Kind(source, head);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (text(0, 6) === 'GIF87a' || text(0, 6) === 'GIF89a') return 'gif';
  if (text(0, 4) === 'RIFF')
    return (
      ({ WEBP: 'webp', WAVE: 'wav', 'AVI ': 'avi' } as Record<string, KindId>)[text(8, 4)] ?? null
    );
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  // "BM" alone is two letters of text: the reserved fields must be zero and the header size known.
  if (
    text(0, 2) === 'BM' &&
    head.length >= 18 &&
    [6, 7, 8, 9].every((index) => head[index] === 0) &&
    [12, 40, 52, 56, 64, 108, 124].includes(view(head).getUint32(14, true))
  )
    return 'bmp';
  if (
    startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]) ||
    startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00])
  )
    return 'rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return 'gzip';
  if (text(4, 4) === 'ftyp' || QUICKTIME_ATOMS.has(text(4, 4)))
    return isoMediaKind(head, source.size);
  if (startsWith(head, EBML)) return matroskaKind(head);
  if (startsWith(head, ASF)) return 'asf';
  if (text(0, 4) === 'FLV\x01') return 'flv';
  if (text(0, 4) === 'OggS') return 'ogg';
  if (text(0, 4) === 'fLaC') return 'flac';
  if (text(0, 3) === 'ID3') return afterId3(source, head);
  if (isMp3Frame(head)) return 'mp3';
  if (isAdtsFrame(head)) return 'aac';
  return null;
}

const ACCEPTED = 'PDF、OFD、Office/WPS 文档、图片、压缩包、音频和视频';
const ACCEPTED_ENGLISH = 'PDF, OFD, Office/WPS documents, images, archives, audio and video';

export const notAcceptedMessage = (fileName: string) =>
  `不允许上传该类型的文件：${fileName}（仅接受 ${ACCEPTED}） (file type not accepted: ${fileName}; only ${ACCEPTED_ENGLISH} are)`;

export type FileVerdict =
  | {
      accepted: true;
      kind: KindId;
      /** the extension it is stored under */ extension: string;
      mime: string;
    }
  | { accepted: false; message: string };

/**
 * Whether the file may be stored: its bytes are an accepted kind, and its name's extension (when it
 * has one) is one of that kind's. `servedExtension` is the extension it will be served under when it
 * replaces a stored file (whose address, extension included, stays): that must agree as well.
 */
export async function checkFile(
  source: ByteSource,
  fileName: string,
  servedExtension?: string
): Promise<FileVerdict> {
  const name = fileName || '（未命名）';
  const kindId = await detectKind(source);
  if (!kindId) return { accepted: false, message: notAcceptedMessage(name) };
  const kind: Kind = KINDS[kindId];
  const allowed = Object.keys(kind.extensions);
  const ownExtension = path.extname(fileName).toLowerCase();
  if (ownExtension && !allowed.includes(ownExtension)) {
    return {
      accepted: false,
      message: `文件内容为 ${kind.label}，与扩展名 ${ownExtension} 不符：${name}，请改用 ${allowed.join('、')} 扩展名后再上传 (the content of ${name} is ${kind.english}, not what its extension ${ownExtension} says: name it ${allowed.join(', ')})`,
    };
  }
  const served = servedExtension?.toLowerCase();
  if (served !== undefined && !allowed.includes(served)) {
    return {
      accepted: false,
      message: `替换的文件须与原文件格式相同：原文件扩展名为 ${served}，${name} 的内容为 ${kind.label} (a replacement keeps the replaced file's address and extension ${served}; ${name} is ${kind.english})`,
    };
  }
  const extension = served ?? (ownExtension || allowed[0]);
  return { accepted: true, kind: kindId, extension, mime: kind.extensions[extension] };
}
