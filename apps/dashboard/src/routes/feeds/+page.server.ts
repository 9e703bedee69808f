import { listFeeds, opmlPath, opmlRssPath, calendarPath } from '@briefing/feeds';
import { getStore } from '#lib/server/store.ts';
import type { PageServerLoad } from './$types';

const GROUPS = {
  all: 'All briefings',
  theme: 'By theme',
  type: 'By type',
  country: 'By country taking part (the countries of the actors)',
} as const;

export const load: PageServerLoad = async () => {
  const store = await getStore();
  const feeds = listFeeds(store.records);
  return {
    groups: (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((kind) => ({
      kind,
      label: GROUPS[kind],
      feeds: feeds.filter((feed) => feed.scope.kind === kind).map((feed) => feed.links),
    })),
    opml: opmlPath,
    opmlRss: opmlRssPath,
    calendar: calendarPath,
  };
};
