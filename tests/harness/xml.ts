/**
 * A strict, small XML 1.0 reader for tests (no dependency has one): elements, attributes and text,
 * refusing what is not well-formed (unbalanced or crossed tags, an unquoted or repeated attribute, a
 * bare `<` or `&`, an unknown entity, more than one root). No DTDs: the answers tested have none.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

const decode = (raw: string, where: number): string => {
  let out = '';
  for (let i = 0; i < raw.length; i += 1) {
    const character = raw[i];
    if (character === '<') throw new Error(`XML: bare "<" at ${where + i}`);
    if (character !== '&') {
      out += character;
      continue;
    }
    const entity = ENTITY.exec(raw.slice(i));
    if (!entity) throw new Error(`XML: bare "&" or unknown entity at ${where + i}`);
    const name = entity[1];
    out += name.startsWith('#x')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(parseInt(name.slice(1), 10))
        : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name];
    i += entity[0].length - 1;
  }
  return out;
};

/** The document's root element; throws, saying where, when the text is not well-formed XML. */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const rest = () => source.slice(at);
  const skipSpace = () => {
    at += /^\s*/.exec(rest())![0].length;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      const misc = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->)/.exec(rest());
      if (!misc) return;
      at += misc[0].length;
    }
  };

  const element = (): XmlElement => {
    if (source[at] !== '<') throw new Error(`XML: expected an element at ${at}`);
    at += 1;
    const name = NAME.exec(rest())?.[0];
    if (!name) throw new Error(`XML: expected a tag name at ${at}`);
    at += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const space = /^\s*/.exec(rest())![0].length;
      at += space;
      if (rest().startsWith('/>')) {
        at += 2;
        return node;
      }
      if (source[at] === '>') {
        at += 1;
        break;
      }
      const attribute = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest());
      if (!attribute || !space) throw new Error(`XML: bad attribute in <${name}> at ${at}`);
      if (attribute[1] in node.attributes)
        throw new Error(`XML: attribute ${attribute[1]} repeated in <${name}>`);
      node.attributes[attribute[1]] = decode(attribute[3] ?? attribute[4], at);
      at += attribute[0].length;
    }
    for (;;) {
      const textEnd = source.indexOf('<', at);
      if (textEnd < 0) throw new Error(`XML: <${name}> is not closed`);
      node.text += decode(source.slice(at, textEnd), at);
      at = textEnd;
      if (rest().startsWith('</')) {
        const close = /^<\/([A-Za-z_:][\w.:-]*)\s*>/.exec(rest());
        if (close?.[1] !== name) throw new Error(`XML: <${name}> closed by ${close?.[0]} at ${at}`);
        at += close[0].length;
        return node;
      }
      const comment = /^<!--[\s\S]*?-->/.exec(rest());
      const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>/.exec(rest());
      if (comment) at += comment[0].length;
      else if (cdata) {
        node.text += cdata[1];
        at += cdata[0].length;
      } else node.children.push(element());
    }
  };

  skipMisc();
  const root = element();
  skipMisc();
  if (at !== source.length) throw new Error(`XML: content after the root element at ${at}`);
  return root;
}

/** The children of an element with this name. */
export const childrenNamed = (node: XmlElement, name: string): XmlElement[] =>
  node.children.filter((child) => child.name === name);
