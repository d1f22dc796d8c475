import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import zlib from 'zlib';
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

/** The start of a PE file: MZ header whose e_lfanew points at the PE signature. */
function windowsExecutable(): Buffer {
  const file = Buffer.alloc(512);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  file.writeUInt16LE(0x14c, 0x84);
  return file;
}

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

describe('uploads through the content API', () => {
  test.each([
    ['an SVG with script', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'), 'image/svg+xml'],
    ['an SVG declared as PNG', 'logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'image/png'],
    ['an HTML page', 'notice.html', Buffer.from('<!doctype html><script>fetch("/admin")</script>'), 'text/html'],
    ['a Windows executable', 'setup.exe', windowsExecutable(), 'application/octet-stream'],
    ['a Windows executable named as a PDF', 'report.pdf', windowsExecutable(), 'application/pdf'],
    // Plain text to a byte check: refused by the upload plugin's denied types (config/plugins.ts).
    ['a script', 'app.js', Buffer.from('fetch("/admin/users").then((r) => r.json())'), 'text/plain'],
  ])('%s is refused with the reason, and nothing is stored', async (_what, name, content, contentType) => {
    const before = await fileCount();
    const response = await upload(name, content, contentType);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^(不允许上传该类型的文件|无法确认文件类型|不允许上传 SVG 图像)/);
    expect(await fileCount()).toBe(before);
  });

  test('a photo is stored without its EXIF and GPS metadata, original and derivatives alike', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'Field Camera', Copyright: 'Reporter' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 40/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '117/1 0/1 0/1' },
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

  test('an image above 40 megapixels (the default limit) is refused from its header, with the limit', async () => {
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    const before = await fileCount();
    const response = await upload('huge.png', huge, 'image/png');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^图片像素过大：8000×7000，上限 40 百万像素/);
    expect(await fileCount()).toBe(before);
  });

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
    for (let y = 0; y < 6000; y += 1) rows.fill(Math.floor(y / 1500) * 60, y * 750 * 3, (y + 1) * 750 * 3);
    const infographic = await sharp(rows, { raw: { width: 750, height: 6000, channels: 3 } }).png().toBuffer();
    const response = await upload('政策图解.png', infographic, 'image/png');
    expect(response.status).toBe(201);
    const [file] = response.body;
    const formats = file.formats as Record<string, any>;
    stored.push(file.url, ...Object.values(formats).map((format: any) => format.url));

    expect(formats.webp).toMatchObject({ mime: 'image/webp', width: 750, height: 6000 });
    const breakpoints = Object.keys(formats).filter((name) => !name.endsWith('webp') && !name.startsWith('tile_') && name !== 'thumbnail');
    expect(breakpoints.length).toBeGreaterThan(0);
    for (const key of breakpoints) {
      expect(formats[`${key}_webp`]).toMatchObject({ mime: 'image/webp', width: formats[key].width, height: formats[key].height });
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
    const read = await app.http().get(`/api/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`);
    expect(Object.keys(read.body.formats).filter((key) => key.startsWith('tile_'))).toEqual(tiles);
  });

  test('an image that is not what it claims is refused, saying what it is', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const before = await fileCount();
    const disguised = await upload('照片.jpg', png, 'image/jpeg');
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.message).toMatch(/^文件内容为 PNG 图片，与所称的 image\/jpeg 不符/);
    const notAnImage = await upload('图表.png', Buffer.from('这不是图片，是一段文字。'.repeat(20)), 'image/png');
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.body.error.message).toMatch(/^文件声明为图片（image\/png），但内容不是可识别的图片/);
    expect(await fileCount()).toBe(before);
  });

  test('the public may not upload at all', async () => {
    const response = await app.http().post('/api/upload').attach('files', Buffer.from('hello'), 'note.txt');
    expect([401, 403]).toContain(response.status);
  });
});
