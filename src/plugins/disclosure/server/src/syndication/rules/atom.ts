/** An Atom 1.0 feed (RFC 4287) of published documents: for portals and readers that poll. */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date | null;
  summary?: string | null;
  author?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  link: string;
  self: string;
  updated: Date;
  entries: AtomEntry[];
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[
        character
      ] as string
  );

// Characters XML 1.0 does not allow at all, which a pasted document can carry.
const stripInvalid = (text: string) =>
  // eslint-disable-next-line no-control-regex -- these control characters are what is removed
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const text = (value: string) => escapeXml(stripInvalid(value));

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${text(entry.id)}</id>`,
      `    <title>${text(entry.title)}</title>`,
      `    <link rel="alternate" href="${text(entry.link)}"/>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      entry.published ? `    <published>${entry.published.toISOString()}</published>` : null,
      entry.author ? `    <author><name>${text(entry.author)}</name></author>` : null,
      entry.summary ? `    <summary>${text(entry.summary)}</summary>` : null,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${text(feed.id)}</id>`,
    `  <title>${text(feed.title)}</title>`,
    `  <link rel="alternate" href="${text(feed.link)}"/>`,
    `  <link rel="self" href="${text(feed.self)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
