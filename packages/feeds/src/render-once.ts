// The one place where feed documents are spliced for speed and for feed 6.0.0's escaping defects
// (see TOOLCHAIN.md). Every trick that puts a stand-in into feed's input and takes it out of its
// output lives here, so no marker character or sentinel date reaches any other module:
// - U+FFFE stands for "]]>" in CDATA (xml-js splits only the first), U+FFFF for "<" in attributes
//   (xml-js escapes only '"'): both can never survive `cleanText`, so they are free;
// - items are rendered a batch at a time in one `feed` document, each marked by U+FFFF U+FFFE in
//   its title, and cut apart into fragments that every document listing the item shares;
// - an item's summary and content, CDATA that feed copies unchanged, travel through feed as
//   stand-ins (U+FFFE U+FFFF and a letter) and are put back into each fragment;
// - items of the same shape (themes, optional elements) are filled into one item feed rendered
//   with stand-ins (letters, a tag: URI, an .invalid URL, dates of 1903 and 1905) for their
//   title, id, link, dates, summary and content, when feed would copy those unchanged;
// - archive documents of a scope differ only in page numbers and date: one frame per scope and
//   shape is rendered with stand-ins for those (a letter marker and the date 1904-02-29) and filled
//   in for each page.
// render-once.test.ts checks the spliced documents against feed's own output for the same items.
import type { Feed, Item } from 'feed';
import type { FeedPage, FormatUrls } from './feed-page.js';
import type { FeedItem } from './to-feed-item.js';
import { cutAtStandIns, fillTemplate, type Template } from './stand-in-template.js';
import { digestOf } from './strong-etag.js';

const CDATA_END = '\uFFFE';
const ATTRIBUTE_LT = '\uFFFF';
// Marks where an item starts: U+FFFF only ever stands in attributes and U+FFFE only in CDATA, so
// this pair cannot occur anywhere else.
const ITEM_MARK = '\uFFFF\uFFFE';

/**
 * For a slot xml-js writes as text: it first turns every "&amp;" back into "&" ("to avoid double
 * sanitization"), which would change a literal "&amp;" in a title into "&". Escaping every "&"
 * beforehand makes that step restore exactly the original text.
 */
export function forXmlText(value: string): string {
  return value.replaceAll('&', '&amp;');
}

/** For a CDATA slot: xml-js splits only the first "]]>"; every one becomes a sentinel instead. */
export function forCdata(value: string): string {
  return value.replaceAll(']]>', CDATA_END);
}

/**
 * For an attribute feed passes through its own `sanitize` (which escapes "&") and xml-js writes
 * escaping only '"': a "<" would make the document ill-formed, so it travels as a sentinel.
 */
export function forSanitizedAttribute(value: string): string {
  return value.replaceAll('<', ATTRIBUTE_LT);
}

/** For an attribute neither feed nor xml-js escapes beyond '"' (RSS category domain). */
export function forRawAttribute(value: string): string {
  return forSanitizedAttribute(value.replaceAll('&', '&amp;'));
}

/**
 * Cut a document whose every item carries ITEM_MARK (in its first CDATA section) into one piece
 * per item, from the line that opens the item up to the next item or `end`, the mark removed.
 */
function cutItems({ xml, open, end }: { xml: string; open: string; end: string }): string[] {
  const starts: number[] = [];
  for (let mark = xml.indexOf(ITEM_MARK); mark !== -1; mark = xml.indexOf(ITEM_MARK, mark + 2)) {
    const start = xml.lastIndexOf(open, mark);
    if (start === -1) throw new Error(`feed output has no ${JSON.stringify(open)} before an item`);
    starts.push(start);
  }
  const stop = xml.lastIndexOf(end);
  if (stop === -1) throw new Error(`feed output has no ${JSON.stringify(end)}`);
  return starts.map((start, index) =>
    xml.slice(start, starts[index + 1] ?? stop).replace(ITEM_MARK, ''),
  );
}

// The CDATA fields of an item that pass through feed as stand-ins. In feed's input U+FFFE only
// stands for "]]>" in CDATA and U+FFFF for "<" in attributes or before U+FFFE in the item mark:
// U+FFFE followed by U+FFFF occurs nowhere else.
export type PassedThrough = 'description' | 'content';
const PASSED_THROUGH: readonly PassedThrough[] = ['description', 'content'];
const STAND_INS: Record<PassedThrough, string> = {
  description: '\uFFFE\uFFFFd',
  content: '\uFFFE\uFFFFc',
};

/** The item with its passed-through texts replaced by stand-ins, and those texts. */
function withStandIns(
  item: Item,
  fields: readonly PassedThrough[],
): { item: Item; texts: Partial<Record<PassedThrough, string>> } {
  const texts: Partial<Record<PassedThrough, string>> = {};
  const standing = { ...item };
  for (const field of fields) {
    const text = item[field];
    // feed leaves out an empty one: so must the stand-in.
    if (text === undefined || text === '') continue;
    texts[field] = text;
    standing[field] = STAND_INS[field];
  }
  return { item: standing, texts };
}

/** Put the passed-through texts back where their stand-ins are in an item's piece. */
function putBack(piece: string, texts: Partial<Record<PassedThrough, string>>): string {
  let out = piece;
  for (const field of PASSED_THROUGH) {
    const text = texts[field];
    if (text === undefined) continue;
    const at = out.indexOf(STAND_INS[field]);
    if (at === -1) throw new Error(`feed output has no ${field} where the item put it`);
    out = `${out.slice(0, at)}${text}${out.slice(at + STAND_INS[field].length)}`;
  }
  return out;
}

/** Replace the sentinels in a rendered document with well-formed markup. */
export function resolveSentinels(xml: string): string {
  let out = xml;
  // XML 1.0 §2.7: "]]>" cannot occur inside CDATA; close the section and reopen it around ">".
  if (out.includes(CDATA_END)) out = out.replaceAll(CDATA_END, ']]]]><![CDATA[>');
  if (out.includes(ATTRIBUTE_LT)) out = out.replaceAll(ATTRIBUTE_LT, '&lt;');
  return out;
}

/**
 * A rendered feed document cut where its items go, so that item fragments rendered once can be
 * placed into every document that lists them.
 */
export interface DocumentFrame {
  head: string;
  tail: string;
  /** Between two item fragments ("," in JSON). */
  separator: string;
}

/** Cut a document before the last occurrence of a marker (a closing tag feed writes). */
export function splitAt({
  xml,
  marker,
  separator,
}: {
  xml: string;
  marker: string;
  separator: string;
}): DocumentFrame {
  const at = xml.lastIndexOf(marker);
  if (at === -1) throw new Error(`feed output has no ${JSON.stringify(marker)}`);
  return { head: xml.slice(0, at), tail: xml.slice(at), separator };
}

/** A frame as UTF-8 bytes: encoded ahead of the items of a document laid out in advance. */
export interface EncodedFrame {
  head: Buffer;
  tail: Buffer;
  separator: Buffer;
}

export function encodeFrame(frame: DocumentFrame): EncodedFrame {
  return {
    head: Buffer.from(frame.head, 'utf8'),
    tail: Buffer.from(frame.tail, 'utf8'),
    separator: Buffer.from(frame.separator, 'utf8'),
  };
}

const isEncoded = (frame: DocumentFrame | EncodedFrame): frame is EncodedFrame =>
  typeof frame.head !== 'string';

/**
 * The whole document as UTF-8 byte parts in order, from fragments already encoded: joined with
 * Buffer.concat, or hashed part by part, without building a large string.
 */
export function frameParts({
  frame,
  itemFragments,
}: {
  frame: DocumentFrame | EncodedFrame;
  itemFragments: readonly Buffer[];
}): Buffer[] {
  const { head, tail, separator } = isEncoded(frame) ? frame : encodeFrame(frame);
  return inFrame({
    head,
    separator: separator.byteLength > 0 ? separator : undefined,
    items: itemFragments,
    tail,
  });
}

/** A document's parts in order (or what stands for each): head, items with separators, tail. */
function inFrame<T>({
  head,
  separator,
  items,
  tail,
}: {
  head: T;
  separator: T | undefined;
  items: readonly T[];
  tail: T;
}): T[] {
  const parts = [head];
  items.forEach((item, index) => {
    if (index > 0 && separator !== undefined) parts.push(separator);
    parts.push(item);
  });
  parts.push(tail);
  return parts;
}

/**
 * The digestOf of each of frameParts' parts, in the same order, from the items' own digests: the
 * frame's parts are digested here, the items' are not looked up.
 */
export function frameDigests({
  frame,
  itemDigests,
}: {
  frame: EncodedFrame;
  itemDigests: readonly string[];
}): string[] {
  return inFrame({
    head: digestOf(frame.head),
    separator: frame.separator.byteLength > 0 ? digestOf(frame.separator) : undefined,
    items: itemDigests,
    tail: digestOf(frame.tail),
  });
}

// Items per document rendered at once: large enough that the channel head is written rarely,
// small enough that the intermediate strings stay in V8's young generation and are freed cheaply
// (one document of 10,000 items left ~400 MiB of garbage in old space).
export const ITEMS_PER_RENDER = 100;

/**
 * Each item's fragment as feed writes it, one per item, in order. An item is filled into a
 * template of its shape (see ItemTemplates) when its every other text is inert; otherwise, and
 * with `passThrough: []` (tests), feed renders it (renderThroughFeed).
 */
export function renderItemFragments({
  makeFeed,
  items,
  toItem,
  render,
  open,
  end,
  passThrough = PASSED_THROUGH,
}: {
  /** A feed with no items yet. */
  makeFeed: () => Feed;
  items: readonly FeedItem[];
  toItem: (item: FeedItem) => Item;
  render: (feed: Feed) => string;
  /** The text that opens an item, with its indentation. */
  open: string;
  /** The text that follows the last item. */
  end: string;
  passThrough?: readonly PassedThrough[];
}): Buffer[] {
  const throughFeed = (list: readonly Item[]) =>
    renderThroughFeed({ makeFeed, items: list, render, open, end, passThrough });
  let templates = TEMPLATES.get(open);
  if (templates === undefined) {
    templates = new ItemTemplates((item) => throughFeed([item])[0]!);
    TEMPLATES.set(open, templates);
  }
  const fragments: Buffer[] = [];
  // A batch at a time, so that each batch's feed items die young, however many items are asked.
  for (let start = 0; start < items.length; start += ITEMS_PER_RENDER) {
    const feedItems = items.slice(start, start + ITEMS_PER_RENDER).map(toItem);
    if (passThrough.length < PASSED_THROUGH.length) {
      for (const text of throughFeed(feedItems)) fragments.push(Buffer.from(text, 'utf8'));
      continue;
    }
    const left: number[] = [];
    feedItems.forEach((item, index) => {
      const filled = templates.fill(item);
      if (filled === undefined) left.push(index);
      else fragments[start + index] = Buffer.from(filled, 'utf8');
    });
    if (left.length > 0) {
      const rendered = throughFeed(left.map((index) => feedItems[index]!));
      left.forEach((index, at) => (fragments[start + index] = Buffer.from(rendered[at]!, 'utf8')));
    }
  }
  return fragments;
}

/**
 * Render items in feed documents of ITEMS_PER_RENDER items and cut them into one fragment per
 * item (rendering one document per item would write the whole channel head each time). The
 * summary and content pass through feed as stand-ins: xml-js joins its output again at every
 * level of nesting, and those texts are most of an item's bytes (copying them took a quarter to
 * a third of the time of rendering 10,000 items as RSS and Atom). `passThrough: []` renders them
 * in place (tests).
 */
function renderThroughFeed({
  makeFeed,
  items,
  render,
  open,
  end,
  passThrough,
}: {
  makeFeed: () => Feed;
  items: readonly Item[];
  render: (feed: Feed) => string;
  open: string;
  end: string;
  passThrough: readonly PassedThrough[];
}): string[] {
  const fragments: string[] = [];
  for (let start = 0; start < items.length; start += ITEMS_PER_RENDER) {
    const feed = makeFeed();
    const texts: Partial<Record<PassedThrough, string>>[] = [];
    for (const item of items.slice(start, start + ITEMS_PER_RENDER)) {
      const rendered = withStandIns(item, passThrough);
      texts.push(rendered.texts);
      feed.addItem({ ...rendered.item, title: `${ITEM_MARK}${rendered.item.title}` });
    }
    const pieces = cutItems({ xml: render(feed), open, end });
    if (pieces.length !== texts.length) {
      throw new Error(`feed wrote ${pieces.length} items of ${texts.length}`);
    }
    pieces.forEach((piece, index) =>
      fragments.push(resolveSentinels(putBack(piece, texts[index]!))),
    );
  }
  return fragments;
}

// Items of the same shape (the same themes, the same optional elements) differ only in their
// title, id, link, dates, summary and content. feed renders one item per shape with stand-ins for
// those, and every other item of that shape is that fragment with its own texts in their places.
// Exact only where feed and xml-js would copy each text unchanged, which holds for:
// - the title, summary and content: CDATA, which xml-js copies as it is (each "]]>" is a sentinel
//   by then, see forCdata), resolved after filling as in feed's own output;
// - the id and link when inert: only characters no escaping touches, and already in the form
//   new URL() gives (feed passes them through it);
// - the dates, which feed writes with toUTCString() and toISOString().
// An item with any other text is rendered by feed.
const SLOT_UPDATED = new Date(Date.UTC(1903, 2, 3));
const SLOT_PUBLISHED = new Date(Date.UTC(1905, 4, 5));
// Each slot's stand-in as feed writes it (none is changed by its escaping or new URL()).
const SLOT_STAND_INS = {
  title: 'zqxSlotTitle',
  id: 'tag:zqxslotid',
  link: 'https://zqxslotlink.invalid/',
  description: 'zqxSlotDescription',
  content: 'zqxSlotContent',
  updatedUtc: SLOT_UPDATED.toUTCString(),
  updatedIso: SLOT_UPDATED.toISOString(),
  publishedUtc: SLOT_PUBLISHED.toUTCString(),
  publishedIso: SLOT_PUBLISHED.toISOString(),
} as const;
type SlotName = keyof typeof SLOT_STAND_INS;
const SLOT_STAND_IN_TEXTS = Object.values(SLOT_STAND_INS);
// What is left of a stand-in feed wrote in another form than those looked for.
const LEFTOVERS = ['zqxslot', 'zqxSlot', '1903', '1905'];
const INERT = /^[A-Za-z0-9:/.,_~%-]*$/;

/** A slot's text in one item: what feed would have written there. */
function slotText(item: Item, name: SlotName): string {
  switch (name) {
    case 'title':
      return item.title;
    case 'id':
      return item.id!;
    case 'link':
      return item.link;
    case 'description':
      return item.description!;
    case 'content':
      return item.content!;
    case 'updatedUtc':
      return dateText(item.date, 'utc');
    case 'updatedIso':
      return dateText(item.date, 'iso');
    case 'publishedUtc':
      return dateText(item.published!, 'utc');
    case 'publishedIso':
      return dateText(item.published!, 'iso');
  }
}

// A last path segment new URL() leaves as it is (no dot segment, nothing percent-encoded).
const INERT_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const inertPrefixes = new Map<string, boolean>();

/**
 * Whether feed would write the URL as it is: inert characters, already as new URL() gives it.
 * Items' URLs differ only in their last segment (a record's id): what comes before is checked
 * once, with new URL(), and the segment by its characters (parsing every URL took 70 ms of a
 * build of 10,000 records).
 */
function isInertUrl(url: string | undefined): boolean {
  if (url === undefined) return true;
  const cut = url.lastIndexOf('/') + 1;
  if (cut === 0 || !INERT_SEGMENT.test(url.slice(cut))) {
    return INERT.test(url) && URL.parse(url)?.href === url;
  }
  const prefix = url.slice(0, cut);
  let inert = inertPrefixes.get(prefix);
  if (inert === undefined) {
    inert = INERT.test(prefix) && URL.parse(`${prefix}x`)?.href === `${prefix}x`;
    inertPrefixes.set(prefix, inert);
  }
  return inert;
}

// Items share few dates (the days records were created and updated): each written once.
const dateTexts = new Map<number, { utc: string; iso: string }>();
function dateText(date: Date, form: 'utc' | 'iso'): string {
  const time = date.getTime();
  let texts = dateTexts.get(time);
  if (texts === undefined) {
    texts = { utc: date.toUTCString(), iso: date.toISOString() };
    dateTexts.set(time, texts);
  }
  return texts[form];
}

/** One format's item templates, by shape, each rendered by feed once. */
class ItemTemplates {
  // undefined: this shape's items are rendered by feed (see cutAtStandIns).
  readonly #byShape = new Map<string, Template<SlotName> | undefined>();
  readonly #renderOne: (item: Item) => string;

  constructor(renderOne: (item: Item) => string) {
    this.#renderOne = renderOne;
  }

  /** The item's fragment, or undefined when it must be rendered by feed. */
  fill(item: Item): string | undefined {
    if (!item.title || !isInertUrl(item.id) || !isInertUrl(item.link)) return undefined;
    // What the slots do not stand for: items of the same shape give the same text around them.
    const { title, id, link, date, published, description, content, ...rest } = item;
    const shape = JSON.stringify([
      rest,
      id !== undefined,
      published !== undefined,
      Boolean(description),
      Boolean(content),
    ]);
    let template = this.#byShape.get(shape);
    if (!this.#byShape.has(shape)) {
      // A stand-in's text among the other texts would be taken for the slot.
      const clash = [...SLOT_STAND_IN_TEXTS, ...LEFTOVERS].some((text) => shape.includes(text));
      template = clash ? undefined : this.#template(item);
      this.#byShape.set(shape, template);
    }
    if (template === undefined) return undefined;
    return resolveSentinels(fillTemplate(template, (name) => slotText(item, name)));
  }

  /** The item's shape rendered by feed with each slot's stand-in, cut at them. */
  #template(item: Item): Template<SlotName> | undefined {
    const rendered = this.#renderOne({
      ...item,
      title: SLOT_STAND_INS.title,
      ...(item.id === undefined ? {} : { id: SLOT_STAND_INS.id }),
      link: SLOT_STAND_INS.link,
      date: SLOT_UPDATED,
      ...(item.published === undefined ? {} : { published: SLOT_PUBLISHED }),
      ...(item.description ? { description: SLOT_STAND_INS.description } : {}),
      ...(item.content ? { content: SLOT_STAND_INS.content } : {}),
    });
    return cutAtStandIns({ rendered, standIns: SLOT_STAND_INS, leftovers: LEFTOVERS });
  }
}

// Templates per format, by the text that opens an item (which differs between formats).
const TEMPLATES = new Map<string, ItemTemplates>();

// The archive documents of one scope differ only in their page numbers and date, and there are
// ~1,000 of them for 10,000 records: feed renders one frame per scope and shape (with or without
// prev/next links) with stand-ins for those, which are then replaced. The stand-ins are letters
// and digits, which neither escaping nor feed's URL normalisation changes.
const STAND_IN = 'zqxBriefingPage';
const SELF = `${STAND_IN}Self`;
const PREV = `${STAND_IN}Prev`;
const NEXT = `${STAND_IN}Next`;
// A date no feed shows; feed writes it as toISOString() (Atom) and toUTCString() (RSS).
const STAND_IN_DATE = new Date(Date.UTC(1904, 1, 29));
const PAGE_NUMBER = /\/(\d+)(\.(?:rss|atom|json))$/;

// What an archive frame's stand-ins stand for.
type FrameSlot = 'self' | 'prev' | 'next' | 'iso' | 'utc';
const FRAME_STAND_INS: Record<FrameSlot, string> = {
  self: SELF,
  prev: PREV,
  next: NEXT,
  iso: STAND_IN_DATE.toISOString(),
  utc: STAND_IN_DATE.toUTCString(),
};

/** An archive frame cut at its stand-ins (filled by joining: replacing each took ~30 ms a build). */
interface FrameTemplate {
  head: Template<FrameSlot>;
  tail: Template<FrameSlot>;
  separator: string;
}

/** A frame's text cut at every stand-in (with no leftovers to look for, never undefined). */
const cutFrameText = (rendered: string) =>
  cutAtStandIns({ rendered, standIns: FRAME_STAND_INS, leftovers: [] })!;

function withStandIn(urls: FormatUrls | undefined, standIn: string): FormatUrls | undefined {
  if (urls === undefined) return undefined;
  const replace = (url: string) => url.replace(PAGE_NUMBER, `/${standIn}$2`);
  return { rss: replace(urls.rss), atom: replace(urls.atom), json: replace(urls.json) };
}

/** The page number an archive URL ends with ("" for none). */
function numberOf(urls: FormatUrls | undefined): string {
  return PAGE_NUMBER.exec(urls?.rss ?? '')?.[1] ?? '';
}

function templatable(page: FeedPage): boolean {
  const numbered = (urls: FormatUrls | undefined) =>
    urls === undefined || Object.values(urls).every((url) => PAGE_NUMBER.test(url));
  // Every other text of the frame comes from these (the current URLs start with the site URL).
  const texts = [page.feedId, page.title, page.description, page.homeUrl, page.siteUrl];
  return (
    page.archivePage !== undefined &&
    numbered(page.self) &&
    numbered(page.prevArchive) &&
    numbered(page.nextArchive) &&
    page.hubUrl === undefined &&
    texts.every((text) => !text.includes(STAND_IN))
  );
}

/**
 * Wrap a frame renderer so that archive pages are filled in from one rendering per scope and
 * shape; subscription documents (and any page the stand-ins could not be told apart in) are
 * rendered as they are. The result is byte for byte what the renderer gives (tested).
 */
export function templatedArchiveFrames(
  render: (options: { page: FeedPage }) => DocumentFrame,
): (options: { page: FeedPage }) => DocumentFrame {
  const templates = new Map<string, FrameTemplate>();
  return ({ page }) => {
    if (!templatable(page)) return render({ page });
    const key = `${page.prevArchive !== undefined} ${page.nextArchive !== undefined} ${page.siteUrl} ${page.feedId}`;
    let template = templates.get(key);
    if (template === undefined) {
      const prevArchive = withStandIn(page.prevArchive, PREV);
      const nextArchive = withStandIn(page.nextArchive, NEXT);
      const rendered = render({
        page: {
          ...page,
          items: [],
          updated: STAND_IN_DATE,
          self: withStandIn(page.self, SELF)!,
          ...(prevArchive === undefined ? {} : { prevArchive }),
          ...(nextArchive === undefined ? {} : { nextArchive }),
        },
      });
      template = {
        head: cutFrameText(rendered.head),
        tail: cutFrameText(rendered.tail),
        separator: rendered.separator,
      };
      templates.set(key, template);
    }
    const texts: Record<FrameSlot, string> = {
      self: numberOf(page.self),
      prev: numberOf(page.prevArchive),
      next: numberOf(page.nextArchive),
      iso: page.updated.toISOString(),
      utc: page.updated.toUTCString(),
    };
    const fill = (text: Template<FrameSlot>) => fillTemplate(text, (name) => texts[name]);
    return { head: fill(template.head), tail: fill(template.tail), separator: template.separator };
  };
}

// A subscription document's description ends with the coverage sentence ("Covers … ; last updated
// …"), which moves with most edits while nothing else in the frames of other scopes does: each
// frame is rendered once with a stand-in for it, and the sentence filled in. Only sentences of
// plain characters (dates, words, punctuation no format escapes) are filled in this way.
const COVERAGE = `${STAND_IN}Coverage`;
const PLAIN_SENTENCE = /^[\p{L}\p{N} .,;:–-]*$/u;
const MAX_COVERAGE_TEMPLATES = 4096;

/**
 * Wrap a frame renderer so that a subscription document whose description ends with
 * `coverageNote` reuses a frame rendered for another coverage sentence. The result is byte for
 * byte what the renderer gives (tested).
 */
export function templatedCoverageFrames(
  render: (options: { page: FeedPage }) => DocumentFrame,
): (options: { page: FeedPage; coverageNote: string }) => DocumentFrame {
  const templates = new Map<string, DocumentFrame>();
  return ({ page, coverageNote }) => {
    if (
      page.archivePage !== undefined ||
      coverageNote === '' ||
      !page.description.endsWith(coverageNote) ||
      !PLAIN_SENTENCE.test(coverageNote) ||
      [page.feedId, page.title, page.description, page.homeUrl, page.siteUrl].some((text) =>
        text.includes(STAND_IN),
      )
    ) {
      return render({ page });
    }
    const description = `${page.description.slice(0, -coverageNote.length)}${COVERAGE}`;
    const key = JSON.stringify([
      page.feedId,
      page.title,
      description,
      page.homeUrl,
      page.siteUrl,
      page.updated.getTime(),
      page.self,
      page.prevArchive ?? null,
      page.hubUrl ?? null,
    ]);
    let template = templates.get(key);
    if (template === undefined) {
      template = render({ page: { ...page, description } });
      if (templates.size >= MAX_COVERAGE_TEMPLATES) templates.clear();
      templates.set(key, template);
    }
    return {
      head: template.head.replaceAll(COVERAGE, coverageNote),
      tail: template.tail.replaceAll(COVERAGE, coverageNote),
      separator: template.separator,
    };
  };
}
