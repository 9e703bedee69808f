import type { BriefingQuery } from '@briefing/schema';

/**
 * A list query as `list`, `all` and `iterate` take it when its text is what a reader typed in a
 * search box: the text becomes search words (matched as `search` matches them: prefixes, any
 * case or accents, any known spelling), the other fields stay filters.
 */
export function searchQuery(query: BriefingQuery): { query: BriefingQuery; search?: string } {
  const { text, ...filters } = query;
  return text === undefined || text.trim() === ''
    ? { query: filters }
    : { query: filters, search: text };
}
