import type { DocumentFrame } from './document-frame.js';
import type { FeedPage, FormatUrls } from './feed-page.js';

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
  const templates = new Map<string, DocumentFrame>();
  return ({ page }) => {
    if (!templatable(page)) return render({ page });
    const key = `${page.prevArchive !== undefined} ${page.nextArchive !== undefined} ${page.siteUrl} ${page.feedId}`;
    let template = templates.get(key);
    if (template === undefined) {
      const prevArchive = withStandIn(page.prevArchive, PREV);
      const nextArchive = withStandIn(page.nextArchive, NEXT);
      template = render({
        page: {
          ...page,
          items: [],
          updated: STAND_IN_DATE,
          self: withStandIn(page.self, SELF)!,
          ...(prevArchive === undefined ? {} : { prevArchive }),
          ...(nextArchive === undefined ? {} : { nextArchive }),
        },
      });
      templates.set(key, template);
    }
    const fill = (text: string) =>
      text
        .replaceAll(SELF, numberOf(page.self))
        .replaceAll(PREV, numberOf(page.prevArchive))
        .replaceAll(NEXT, numberOf(page.nextArchive))
        .replaceAll(STAND_IN_DATE.toISOString(), page.updated.toISOString())
        .replaceAll(STAND_IN_DATE.toUTCString(), page.updated.toUTCString());
    return { head: fill(template.head), tail: fill(template.tail), separator: template.separator };
  };
}
