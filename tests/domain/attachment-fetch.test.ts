import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import path from 'path';
import {
  AttachmentFetchError,
  fetchVerified,
  httpOrigin,
  isFromTrustedOrigin,
} from '../../src/plugins/disclosure/server/src/syndication/rules/attachment-fetch';

/** A source's file server on loopback: the bytes it serves, and how. */
const CONTENT = Buffer.from('%PDF-1.7\n附件：申报表\n'.repeat(2000));
const SHA = createHash('sha256').update(CONTENT).digest('hex');
let server: http.Server;
let base: string;
let workspace: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/file.pdf') return response.end(CONTENT);
    if (request.url === '/moved') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      return response.end();
    }
    if (request.url === '/broken') {
      response.writeHead(200, { 'content-length': String(CONTENT.length) });
      response.write(CONTENT.subarray(0, 1000));
      return setTimeout(() => response.destroy(), 20);
    }
    response.writeHead(503);
    response.end('maintenance');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  workspace = mkdtempSync(path.join(tmpdir(), 'attachment-fetch-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(workspace, { recursive: true, force: true });
});

const limits = { maxBytes: 1_000_000, timeoutMs: 5000 };
const failure = async (promise: Promise<unknown>): Promise<AttachmentFetchError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AttachmentFetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
};

describe('fetchVerified', () => {
  test('stores the file when its size and SHA-256 are those declared', async () => {
    const destination = path.join(workspace, 'ok');
    const result = await fetchVerified(
      { url: `${base}/file.pdf`, sizeInBytes: CONTENT.length, sha256: SHA.toUpperCase() },
      destination,
      limits
    );
    expect(result).toEqual({ sha256: SHA, sizeInBytes: CONTENT.length });
    expect(readFileSync(destination).equals(CONTENT)).toBe(true);
  });

  test.each([
    ['another hash', { sizeInBytes: CONTENT.length, sha256: '0'.repeat(64) }, /校验值不符/],
    [
      'another size',
      { sizeInBytes: CONTENT.length - 1, sha256: SHA },
      /大小不符：声明 \d+ 字节，实收 \d+ 字节/,
    ],
    [
      'more than the limit while streaming',
      { sizeInBytes: null, sha256: SHA, maxBytes: 10_000 },
      /超过上限 10000 字节/,
    ],
    [
      'more than the limit declared',
      { sizeInBytes: 2_000_000, sha256: SHA },
      /大小 2000000 字节，超过上限 1000000 字节/,
    ],
  ])('refuses a file with %s, leaving nothing behind', async (_, declared: any, message) => {
    const destination = path.join(workspace, `refused-${Math.random()}`);
    const error = await failure(
      fetchVerified(
        { url: `${base}/file.pdf`, sizeInBytes: declared.sizeInBytes, sha256: declared.sha256 },
        destination,
        { ...limits, maxBytes: declared.maxBytes ?? limits.maxBytes }
      )
    );
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(message);
    expect(existsSync(destination)).toBe(false);
  });

  test.each([
    ['a 503', '/unavailable', /HTTP 503/],
    ['a redirect (never followed: it could lead inside the network)', '/moved', /暂时无法获取/],
    ['a connection cut mid-file', '/broken', /下载中断|暂时无法获取/],
  ])('calls %s unavailable, for the sender to retry', async (_, route, message) => {
    const destination = path.join(workspace, `unavailable-${Math.random()}`);
    const error = await failure(
      fetchVerified({ url: `${base}${route}`, sizeInBytes: null, sha256: SHA }, destination, limits)
    );
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(message);
    expect(existsSync(destination)).toBe(false);
  });
});

describe('trusted origins', () => {
  test('an attachment must be on an origin trusted for its source', () => {
    expect(httpOrigin('https://www.shandong.gov.cn/path/')).toBe('https://www.shandong.gov.cn');
    expect(httpOrigin('ftp://www.shandong.gov.cn')).toBeNull();
    expect(httpOrigin('not a url')).toBeNull();
    const trusted = ['https://www.shandong.gov.cn'];
    expect(isFromTrustedOrigin('https://www.shandong.gov.cn/uploads/a.pdf', trusted)).toBe(true);
    expect(isFromTrustedOrigin('https://www.shandong.gov.cn.evil.example/a.pdf', trusted)).toBe(
      false
    );
    expect(isFromTrustedOrigin('http://www.shandong.gov.cn/uploads/a.pdf', trusted)).toBe(false);
    expect(isFromTrustedOrigin('http://127.0.0.1:5432/', trusted)).toBe(false);
  });
});
