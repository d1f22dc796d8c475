import { atomFeed } from '../../src/plugins/disclosure/server/src/syndication/rules/atom';

describe('Atom feed', () => {
  test('entries are escaped, invalid XML characters dropped, dates in ISO form', () => {
    const xml = atomFeed({
      id: 'urn:disclosure:organization:370000000',
      title: '山东省人民政府 <主动公开>',
      link: 'https://www.shandong.gov.cn/',
      self: 'https://cms.example.gov.cn/api/disclosure/feed.atom?organization=370000000',
      updated: new Date('2026-06-01T02:00:00Z'),
      entries: [
        {
          id: 'urn:disclosure:document:abc',
          title: '关于"五公开"的通知 & 解读\u0007',
          link: 'https://cms.example.gov.cn/api/policy-documents/abc?locale=zh-Hans&x=1',
          updated: new Date('2026-06-01T01:00:00Z'),
          published: new Date('2026-06-01T01:00:00Z'),
          summary: "<script>alert('x')</script>",
          author: '山东省人民政府办公厅',
        },
      ],
    });
    expect(xml).toContain('<title>山东省人民政府 &lt;主动公开&gt;</title>');
    expect(xml).toContain('<title>关于&quot;五公开&quot;的通知 &amp; 解读</title>');
    expect(xml).toContain(
      'href="https://cms.example.gov.cn/api/policy-documents/abc?locale=zh-Hans&amp;x=1"'
    );
    expect(xml).toContain('<summary>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</summary>');
    expect(xml).toContain('<updated>2026-06-01T02:00:00.000Z</updated>');
    expect(xml).not.toContain('\u0007');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
      )
    ).toBe(true);
  });
});
