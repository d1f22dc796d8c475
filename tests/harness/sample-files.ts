import sharp from 'sharp';
import zlib from 'zlib';

/**
 * Small real files of each kind a disclosure site publishes, and of kinds it refuses, built in the
 * test rather than kept as fixtures: their structure is what the upload check reads.
 */

const u16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
};
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
};
const u32be = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

/** A one-page PDF with a correct cross-reference table. */
export function pdf(text = '政府信息公开工作年度报告'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 72 770 Td (${Buffer.from(text).toString('hex')}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A ZIP archive; entries are deflated except those marked stored (ODF's `mimetype` must be). */
export function zip(
  entries: Array<[name: string, content: string | Buffer, options?: { stored?: boolean }]>
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content, options] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const stored = options?.stored ?? false;
    const packed = stored ? data : zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const common = Buffer.concat([
      u16(20),
      u16(0x0800),
      u16(stored ? 0 : 8),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(packed.length),
      u32(data.length),
      u16(nameBytes.length),
      u16(0),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, packed]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        common,
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        nameBytes,
      ])
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = (main: string, type: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${main}" ContentType="${type}"/></Types>`;
const RELS = (main: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

export function docx(options: { macros?: boolean } = {}): Buffer {
  return zip([
    [
      '[Content_Types].xml',
      CONTENT_TYPES(
        'word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
      ),
    ],
    ['_rels/.rels', RELS('word/document.xml')],
    [
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于做好政务公开工作的通知</w:t></w:r></w:p></w:body></w:document>',
    ],
    ...(options.macros ? [['word/vbaProject.bin', Buffer.alloc(512, 1)] as [string, Buffer]] : []),
  ]);
}

export function xlsx(): Buffer {
  return zip([
    [
      '[Content_Types].xml',
      CONTENT_TYPES(
        'xl/workbook.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'
      ),
    ],
    ['_rels/.rels', RELS('xl/workbook.xml')],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="预算" sheetId="1"/></sheets></workbook>',
    ],
  ]);
}

export function pptx(): Buffer {
  return zip([
    [
      '[Content_Types].xml',
      CONTENT_TYPES(
        'ppt/presentation.xml',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'
      ),
    ],
    ['_rels/.rels', RELS('ppt/presentation.xml')],
    [
      'ppt/presentation.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ],
  ]);
}

/** An OFD (GB/T 33190) package: OFD.xml at the root, pointing at its document. */
export function ofd(): Buffer {
  return zip([
    [
      'OFD.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>d1</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    ],
    [
      'Doc_0/Document.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID></ofd:CommonData></ofd:Document>',
    ],
  ]);
}

/** An OpenDocument file: `mimetype` first and stored, as the format requires. */
export function odf(mimetype = 'application/vnd.oasis.opendocument.text'): Buffer {
  return zip([
    ['mimetype', mimetype, { stored: true }],
    [
      'content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>',
    ],
    [
      'META-INF/manifest.xml',
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/></manifest:manifest>`,
    ],
  ]);
}

/** A Java archive: a ZIP, but a program. */
export function jar(): Buffer {
  return zip([
    ['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\nMain-Class: Main\r\n\r\n'],
    ['Main.class', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52])],
  ]);
}

const WORD_CLASS = [
  0x06, 0x09, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
];
const INSTALLER_CLASS = [
  0x84, 0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
];

/**
 * An OLE2 compound file (Office 97–2003, WPS; also Windows Installer): header, one FAT sector, one
 * directory sector holding the root entry (with the application's class) and one empty stream.
 */
export function ole2(options: { installer?: boolean; stream?: string } = {}): Buffer {
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(END, 68); // first DIFAT sector
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let index = 1; index < 109; index += 1) header.writeUInt32LE(FREE, 76 + index * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(END, 4); // sector 1: directory, one sector
  const entry = (name: string, type: number, child: number, classId: number[]) => {
    const bytes = Buffer.alloc(128, 0);
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(bytes, 0);
    bytes.writeUInt16LE(encoded.length, 64);
    bytes[66] = type;
    bytes[67] = 1; // black
    bytes.writeUInt32LE(FREE, 68);
    bytes.writeUInt32LE(FREE, 72);
    bytes.writeUInt32LE(child, 76);
    Buffer.from(classId).copy(bytes, 80);
    bytes.writeUInt32LE(END, 116);
    return bytes;
  };
  const directory = Buffer.concat([
    entry('Root Entry', 5, 1, options.installer ? INSTALLER_CLASS : WORD_CLASS),
    entry(options.stream ?? 'WordDocument', 2, FREE, new Array(16).fill(0)),
    Buffer.alloc(256, 0),
  ]);
  return Buffer.concat([header, fat, directory]);
}

const solid = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } });
export const jpeg = () => solid('#3a6ea5').jpeg().toBuffer();
export const png = () => solid('#336699').png().toBuffer();
export const gif = () => solid('#996633').gif().toBuffer();
export const webp = () => solid('#669933').webp().toBuffer();
export const tiff = () => solid('#339966').tiff().toBuffer();
export const avif = () => solid('#993366').avif().toBuffer();

/** A 2×2 24-bit BMP (bottom-up rows padded to 4 bytes). */
export function bmp(): Buffer {
  const pixels = Buffer.alloc(16, 0x80);
  const header = Buffer.concat([Buffer.from('BM'), u32(54 + pixels.length), u32(0), u32(54)]);
  const info = Buffer.concat([
    u32(40),
    u32(2),
    u32(2),
    u16(1),
    u16(24),
    u32(0),
    u32(pixels.length),
    u32(2835),
    u32(2835),
    u32(0),
    u32(0),
  ]);
  return Buffer.concat([header, info, pixels]);
}

/** An empty RAR 5 archive: signature, main header, end header (each with its CRC). */
export function rar(): Buffer {
  const block = (fields: number[]) => {
    const body = Buffer.from([fields.length, ...fields]);
    return Buffer.concat([u32(zlib.crc32(body)), body]);
  };
  return Buffer.concat([
    Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]),
    block([1, 0, 0]),
    block([5, 0, 0]),
  ]);
}

/** An empty 7z archive: the signature header pointing at an empty next header. */
export function sevenZip(): Buffer {
  const next = Buffer.concat([Buffer.alloc(8), Buffer.alloc(8), u32(0)]);
  return Buffer.concat([
    Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]),
    u32(zlib.crc32(next)),
    next,
  ]);
}

export const gzip = () => zlib.gzipSync(Buffer.from('政府信息公开目录\n'.repeat(100)));

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: `frames` frames of 417 bytes, behind an ID3v2.4 tag. */
export function mp3(options: { id3?: boolean; frames?: number } = {}): Buffer {
  const frame = Buffer.alloc(417, 0);
  Buffer.from([0xff, 0xfb, 0x90, 0x64]).copy(frame);
  const frames = Buffer.concat(new Array(options.frames ?? 4).fill(frame));
  if (options.id3 === false) return frames;
  const title = Buffer.concat([Buffer.from([3]), Buffer.from('新闻发布会录音', 'utf8')]);
  const tagFrame = Buffer.concat([
    Buffer.from('TIT2'),
    u32be(title.length),
    Buffer.from([0, 0]),
    title,
  ]);
  const size = tagFrame.length;
  const syncsafe = Buffer.from([
    (size >> 21) & 0x7f,
    (size >> 14) & 0x7f,
    (size >> 7) & 0x7f,
    size & 0x7f,
  ]);
  return Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0]), syncsafe, tagFrame, frames]);
}

/** AAC in ADTS frames (LC, 44.1 kHz, stereo). */
export function aac(): Buffer {
  const length = 7 + 32;
  const header = Buffer.from([
    0xff,
    0xf1,
    0x50,
    0x80,
    (length >> 3) & 0xff,
    ((length & 7) << 5) | 0x1f,
    0xfc,
  ]);
  const frame = Buffer.concat([header, Buffer.alloc(32, 0)]);
  return Buffer.concat([frame, frame, frame]);
}

/** 0.01 s of 16-bit mono PCM silence at 8 kHz. */
export function wav(): Buffer {
  const samples = Buffer.alloc(160, 0);
  const format = Buffer.concat([
    Buffer.from('fmt '),
    u32(16),
    u16(1),
    u16(1),
    u32(8000),
    u32(16000),
    u16(2),
    u16(16),
  ]);
  const data = Buffer.concat([Buffer.from('data'), u32(samples.length), samples]);
  return Buffer.concat([
    Buffer.from('RIFF'),
    u32(4 + format.length + data.length),
    Buffer.from('WAVE'),
    format,
    data,
  ]);
}

/** An Ogg page carrying a Vorbis identification header. */
export function ogg(): Buffer {
  const packet = Buffer.concat([
    Buffer.from([1]),
    Buffer.from('vorbis'),
    u32(0),
    Buffer.from([1]),
    u32(44100),
    u32(0),
    u32(128000),
    u32(0),
    Buffer.from([0xb8, 1]),
  ]);
  const page = Buffer.concat([
    Buffer.from('OggS'),
    Buffer.from([0, 2]),
    Buffer.alloc(8),
    u32(1),
    u32(0),
    u32(0),
    Buffer.from([1, packet.length]),
  ]);
  return Buffer.concat([page, packet]);
}

/** FLAC: the marker and a STREAMINFO block (last metadata block). */
export function flac(): Buffer {
  const info = Buffer.alloc(34, 0);
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  return Buffer.concat([Buffer.from('fLaC'), Buffer.from([0x80, 0, 0, 34]), info]);
}

const box = (type: string, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([u32be(8 + body.length), Buffer.from(type, 'latin1'), body]);
};

/** ISO media: an `ftyp` box with these brands, then an empty `moov` and `mdat`. */
export function isoMedia(major = 'isom', compatible = ['isom', 'iso2', 'avc1', 'mp41']): Buffer {
  return Buffer.concat([
    box(
      'ftyp',
      Buffer.from(major, 'latin1'),
      u32be(512),
      ...compatible.map((brand) => Buffer.from(brand, 'latin1'))
    ),
    box('moov', box('mvhd', Buffer.alloc(100))),
    box('mdat', Buffer.alloc(64)),
  ]);
}

/** The EBML header of a WebM or Matroska file, then an empty segment. */
export function matroska(docType: 'webm' | 'matroska'): Buffer {
  const element = (id: number[], data: Buffer) =>
    Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
  const header = Buffer.concat([
    element([0x42, 0x86], Buffer.from([1])), // EBMLVersion
    element([0x42, 0xf7], Buffer.from([1])), // EBMLReadVersion
    element([0x42, 0x82], Buffer.from(docType)), // DocType
    element([0x42, 0x87], Buffer.from([4])), // DocTypeVersion
  ]);
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length]),
    header,
    Buffer.from([0x18, 0x53, 0x80, 0x67, 0x80]),
  ]);
}

export function avi(): Buffer {
  const header = Buffer.concat([
    Buffer.from('LIST'),
    u32(4 + 8 + 56),
    Buffer.from('hdrl'),
    Buffer.from('avih'),
    u32(56),
    Buffer.alloc(56),
  ]);
  return Buffer.concat([Buffer.from('RIFF'), u32(4 + header.length), Buffer.from('AVI '), header]);
}

export const flv = () =>
  Buffer.concat([Buffer.from('FLV'), Buffer.from([1, 5]), u32be(9), u32be(0)]);

/** The start of an ASF (WMV/WMA) file: the header object's GUID, size and object count. */
export function asf(): Buffer {
  const guid = Buffer.from([
    0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c,
  ]);
  return Buffer.concat([guid, u32(30), u32(0), u32(0), Buffer.from([1, 2])]);
}

/** The start of a Windows (PE) executable: MZ header whose e_lfanew points at the PE signature. */
export function windowsExecutable(): Buffer {
  const file = Buffer.alloc(512);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  file.writeUInt16LE(0x14c, 0x84);
  return file;
}

/** The start of a 64-bit Linux (ELF) executable. */
export function elfExecutable(): Buffer {
  const file = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(file);
  file.writeUInt16LE(2, 16); // ET_EXEC
  file.writeUInt16LE(0x3e, 18); // x86-64
  return file;
}

/** A HEIF photo (iPhone): ISO media, but a still image that cannot be re-encoded here. */
export const heic = () => isoMedia('heic', ['mif1', 'heic']);

/** XHTML whose elements carry a prefix: no `<script` anywhere, still a page that runs script. */
export const prefixedXhtml = () =>
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:body><x:script>fetch("/admin/users/me").then((r) => r.text()).then(alert)</x:script></x:body></x:html>'
  );

/** Harmless-looking text for the first kilobyte, then a page. */
export const markupAfterFirstKilobyte = () =>
  Buffer.from(
    `${'政府信息公开工作年度报告。'.repeat(100)}\n<html><body><script>alert(document.cookie)</script></body></html>`
  );
