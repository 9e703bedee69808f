// Small, targeted edits of feed's output for what feed 6 has no option for (xml:lang, namespace
// declarations, RFC 5005 links in Atom). Each edit checks that feed's output still has the shape it
// expects and throws otherwise, so a change in feed fails the tests instead of the feeds.
import { escapeXmlAttribute } from './xml-text.js';

/** Add attributes (namespace declarations, xml:lang) to the root start tag `<root …>`. */
export function addRootAttributes({
  xml,
  root,
  attributes,
}: {
  xml: string;
  root: string;
  attributes: Record<string, string>;
}): string {
  const start =
    xml.indexOf(`<${root} `) === -1 ? xml.indexOf(`<${root}>`) : xml.indexOf(`<${root} `);
  if (start === -1) throw new Error(`feed output has no <${root}> element`);
  const end = xml.indexOf('>', start);
  const tag = xml.slice(start, end);
  const added = Object.entries(attributes)
    .filter(([name]) => !tag.includes(` ${name}=`))
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  return `${xml.slice(0, end)}${added}${xml.slice(end)}`;
}

/** An empty element with attributes, e.g. `<link rel="current" href="…"/>`. */
export function emptyElement({
  name,
  attributes,
}: {
  name: string;
  attributes: Record<string, string>;
}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  return `<${name}${attrs}/>`;
}
