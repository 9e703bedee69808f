import { BRIEFING_TYPES, THEMES, recordCountries } from '@briefing/schema';
import type { Briefing } from '@briefing/schema';
import { countryName, themeLabel, typeLabel } from './labels.js';
import { SITE_NAME } from './site.js';
import { feedPaths, type FeedFormat, type FeedScope } from './urls.js';

/** Site-relative paths of one scope's feeds, and its title. */
export type FeedLinks = Record<FeedFormat, string> & { title: string };

/** A human title for the scope's feeds, e.g. "Russia–DPRK briefings: Space". */
export function scopeTitle({ scope }: { scope: FeedScope }): string {
  switch (scope.kind) {
    case 'all':
      return SITE_NAME;
    case 'theme':
      return `${SITE_NAME}: ${themeLabel(scope.id)}`;
    case 'type':
      return `${SITE_NAME}: ${typeLabel(scope.id)}`;
    case 'country':
      return `${SITE_NAME}: ${countryName(scope.code)}`;
  }
}

/** The current (subscription) feeds of a scope, with its title. */
export function feedLinks({ scope }: { scope: FeedScope }): FeedLinks {
  return { ...feedPaths({ scope }), title: scopeTitle({ scope }) };
}

/** Countries the records concern (an actor's or a place's country), sorted by code. */
export function concernedCountries({ records }: { records: readonly Briefing[] }): string[] {
  const codes = new Set<string>();
  for (const record of records) for (const code of recordCountries(record)) codes.add(code);
  return [...codes].sort();
}

/**
 * Every scope with a feed: all briefings, every theme and type of the vocabulary (kept even when
 * empty, so subscribers' URLs stay stable) and every country the records concern.
 */
export function feedScopes({ records }: { records: readonly Briefing[] }): FeedScope[] {
  return [
    { kind: 'all' },
    ...THEMES.map((theme): FeedScope => ({ kind: 'theme', id: theme.id })),
    ...BRIEFING_TYPES.map((type): FeedScope => ({ kind: 'type', id: type.id })),
    ...concernedCountries({ records }).map((code): FeedScope => ({ kind: 'country', code })),
  ];
}

/** The scopes a record belongs to: the same records as the list filtered by each scope. */
export function scopesOf(record: Briefing): FeedScope[] {
  return [
    { kind: 'all' },
    ...record.themes.map((id): FeedScope => ({ kind: 'theme', id })),
    { kind: 'type', id: record.type },
    ...recordCountries(record).map((code): FeedScope => ({ kind: 'country', code })),
  ];
}

/** Every subscription feed, for a /feeds page: scope, title and paths. */
export function listFeeds(records: readonly Briefing[]): { scope: FeedScope; links: FeedLinks }[] {
  return feedScopes({ records }).map((scope) => ({ scope, links: feedLinks({ scope }) }));
}
