import { SaxesParser } from 'saxes';
import { XMLParser } from 'fast-xml-parser';

/** Every element of a document as `{namespace}local`, after a strict, namespace-aware parse. */
export function parseStrict(xml: string): { elements: string[] } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const elements: string[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    elements.push(`{${tag.uri ?? ''}}${tag.local ?? tag.name}`);
  });
  parser.write(xml).close();
  if (failure !== undefined) throw failure;
  return { elements };
}

const ARRAYS = new Set(['item', 'entry', 'category', 'atom:link', 'outline']);

const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: false,
  // <link> repeats in Atom but is a single text element in RSS.
  isArray: (name, jPath) =>
    ARRAYS.has(name) || (name === 'link' && String(jPath).startsWith('feed')),
});

/** A document as plain objects (fast-xml-parser), for comparing meaning. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readXml(xml: string): any {
  return reader.parse(xml);
}

/** The text of a parsed element that may be a plain string or an object with `#text`. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '#text' in value)
    return String((value as { '#text': unknown })['#text']);
  return '';
}
