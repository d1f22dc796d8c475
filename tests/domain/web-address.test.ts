import {
  isWebAddress,
  MAX_WEB_ADDRESS_LENGTH,
  webAddress,
} from '../../src/plugins/disclosure/shared/web-address';

/** Partner and editor addresses that become links: http(s) only, read as a browser reads a link. */
describe('webAddress', () => {
  test.each([
    'https://www.shandong.gov.cn/art/2026/5/10/art_1.html',
    'http://127.0.0.1:1337/api/policy-documents/x',
    'HTTPS://WWW.GOV.CN',
  ])('takes %s', (address) => {
    expect(isWebAddress(address)).toBe(true);
    expect(webAddress(address)?.protocol).toMatch(/^https?:$/);
  });

  test.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with a tab inside, which browsers drop', 'java\tscript:alert(1)'],
    ['javascript: behind spaces, in capitals', '  JAVASCRIPT:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['a relative path', '/api/policy-documents/1'],
    ['a bare host', 'www.gov.cn'],
    ['an empty string', ''],
    ['not a string', 42],
    ['over the length limit', `https://www.gov.cn/${'a'.repeat(MAX_WEB_ADDRESS_LENGTH)}`],
  ])('refuses %s', (_what, value) => {
    expect(webAddress(value)).toBeNull();
    expect(isWebAddress(value)).toBe(false);
  });
});
