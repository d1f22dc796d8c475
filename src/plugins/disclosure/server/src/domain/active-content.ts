/**
 * Recognizes, from a file's first bytes, content a browser or an operating system would run:
 * executables, scripts and markup (HTML, SVG). Uploads are checked on content, not on the name or the
 * declared type, which the uploader chooses.
 */
export type ActiveContent = 'executable' | 'script' | 'markup';

/** Bytes of a file's start that are looked at. */
export const SNIFF_BYTES = 1024;

const MAGIC: Array<[ActiveContent, number[]]> = [
  ['executable', [0x4d, 0x5a]], // MZ: DOS and Windows (PE) executables, DLLs
  ['executable', [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ['executable', [0xfe, 0xed, 0xfa, 0xce]], // Mach-O
  ['executable', [0xfe, 0xed, 0xfa, 0xcf]],
  ['executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['executable', [0xce, 0xfa, 0xed, 0xfe]],
  ['script', [0x23, 0x21]], // #! shebang
];
const MARKUP = /<\s*(?:svg|html|script|iframe|object|embed|!doctype\s+html)\b|<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<\s*svg\b/i;

export function activeContentKind(head: Uint8Array): ActiveContent | null {
  for (const [kind, magic] of MAGIC) {
    if (magic.every((byte, index) => head[index] === byte)) return kind;
  }
  // Markup is text: look at the start as UTF-8 or UTF-16, with or without a byte-order mark.
  const text = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
    ? Buffer.from(head).toString(head[0] === 0xff ? 'utf16le' : 'latin1').replace(/\0/g, '')
    : Buffer.from(head).toString('utf8');
  return MARKUP.test(text) ? 'markup' : null;
}
