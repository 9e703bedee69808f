const rules = new Intl.PluralRules('en');

/** A noun's forms for the plural categories English uses. */
export interface Noun {
  one: string;
  other: string;
}

/** Nouns the site counts, with their plurals. */
export const NOUNS = {
  record: { one: 'record', other: 'records' },
  result: { one: 'result', other: 'results' },
  briefing: { one: 'briefing', other: 'briefings' },
  engagement: { one: 'engagement', other: 'engagements' },
  problem: { one: 'problem', other: 'problems' },
  file: { one: 'file', other: 'files' },
  draft: { one: 'draft', other: 'drafts' },
  event: { one: 'event', other: 'events' },
  page: { one: 'page', other: 'pages' },
  actor: { one: 'actor', other: 'actors' },
  link: { one: 'link', other: 'links' },
  sharedRecord: { one: 'shared record', other: 'shared records' },
} as const satisfies Record<string, Noun>;

/** The noun for a count, by Intl.PluralRules: "result" for 1, "results" for 0 or 2. */
export function pluralNoun(count: number, noun: Noun): string {
  return rules.select(count) === 'one' ? noun.one : noun.other;
}

/** A count with its noun: "1 result", "2 results", "1,234 records". */
export function countLabel(count: number, noun: Noun): string {
  return `${count.toLocaleString('en')} ${pluralNoun(count, noun)}`;
}
