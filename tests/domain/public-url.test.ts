import {
  addressForPartners,
  policyDocumentUrl,
  policyDocumentUrlForPartners,
} from '../../src/plugins/disclosure/server/src/syndication/public-url';

/** The addresses one instance gives another (syndication messages, receipts): absolute http(s), or none. */
const withServerUrl = (url: unknown) =>
  ({ config: { get: (key: string) => (key === 'server.url' ? url : undefined) } }) as any;

describe('addresses for partners', () => {
  test('from an http(s) PUBLIC_URL, trailing slash dropped', () => {
    const strapi = withServerUrl('https://www.shandong.gov.cn/');
    expect(addressForPartners(strapi)).toBe('https://www.shandong.gov.cn');
    expect(policyDocumentUrlForPartners(strapi, 'abc')).toBe(
      'https://www.shandong.gov.cn/api/policy-documents/abc'
    );
  });

  test.each([[''], [undefined], ['www.shandong.gov.cn']])(
    'none when PUBLIC_URL is %p: a bare path would point at the partner’s own site',
    (url) => {
      const strapi = withServerUrl(url);
      expect(addressForPartners(strapi)).toBeNull();
      expect(policyDocumentUrlForPartners(strapi, 'abc')).toBeNull();
      // This instance's own pages still link by path.
      expect(policyDocumentUrl(strapi, 'abc')).toMatch(/\/api\/policy-documents\/abc$/);
    }
  );
});
