import type { Briefing } from './briefing.js';

/** A citation that validates but can't be followed to the article it stands for. */
export interface CitationWarning {
  path: (string | number)[];
  message: string;
}

/**
 * Sources whose URL is a site's home page, a section page or a date archive rather than an
 * article: the reader lands somewhere that does not show what the record says. These are
 * warnings, not schema errors, because another project may cite that way on purpose;
 * `briefing validate --strict` treats them as errors.
 */
export function citationWarnings(record: Briefing): CitationWarning[] {
  const warnings: CitationWarning[] = [];
  record.sources.forEach((source, index) => {
    if (source.url === undefined) return;
    const problem = notAnArticle(source.url);
    if (problem !== undefined) {
      warnings.push({
        path: ['sources', index, 'url'],
        message: `expected the URL of the article itself, got ${problem} ${JSON.stringify(source.url)}: cite the full URL of the page that reports this engagement`,
      });
    }
  });
  return warnings;
}

// Path segments that name a section of a site, not a story (`/en/news`, `/news/world`).
const SECTION_WORDS = new Set([
  'en',
  'eng',
  'english',
  'ru',
  'rus',
  'ko',
  'kor',
  'kr',
  'ar',
  'zh',
  'fr',
  'de',
  'es',
  'news',
  'newsroom',
  'world',
  'world-news',
  'politics',
  'politika',
  'economy',
  'business',
  'society',
  'international',
  'asia',
  'asia-pacific',
  'europe',
  'latest',
  'top-stories',
  'home',
  'index',
  'index.html',
  'index.php',
  'main',
  'articles',
  'article',
  'stories',
  'story',
  'category',
  'tag',
  'topics',
  'section',
  'archive',
  'archives',
  'ap-national',
  'national',
]);

/** What kind of non-article page a URL is ("a site's home page"…), or undefined for an article. */
export function notAnArticle(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // not a URL at all: the schema reports that
  }
  // A query string often is the article's id (view.php?ud=…, ?Seq_Code=…).
  if (parsed.search !== '') return undefined;
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeSafely(segment).toLowerCase());
  if (segments.length === 0) return "a site's home page";
  if (segments.every((segment) => SECTION_WORDS.has(segment) || isDatePart(segment))) {
    return segments.some(isDatePart) ? 'a date archive' : 'a section page';
  }
  return undefined;
}

/** `2025`, `09`, `2025-04-28`, `20240328`: parts of a date, as archive paths use them. */
function isDatePart(segment: string): boolean {
  if (/^(19|20)\d{2}$/.test(segment) || /^(0?[1-9]|1[0-2])$/.test(segment)) return true;
  if (/^\d{2}$/.test(segment)) return Number(segment) >= 1 && Number(segment) <= 31;
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(segment);
  const dashed = /^((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?$/.exec(segment);
  const parts = compact ?? dashed;
  if (parts === null) return false;
  const month = Number(parts[2]);
  const day = parts[3] === undefined ? 1 : Number(parts[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
