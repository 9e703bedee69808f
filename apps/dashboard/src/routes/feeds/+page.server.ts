import {
  CALENDAR_SIZE,
  calendarPath,
  calendarYears,
  listFeeds,
  opmlPath,
  opmlRssPath,
} from '@briefing/feeds';
import { getSnapshot } from '#lib/server/live-data.ts';
import type { PageServerLoad } from './$types';

const GROUPS = {
  all: 'All briefings',
  theme: 'By theme',
  type: 'By type',
  country: 'By country taking part (the countries of the actors)',
} as const;

export const load: PageServerLoad = async () => {
  const snapshot = await getSnapshot();
  const feeds = listFeeds(snapshot.records);
  return {
    groups: (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((kind) => ({
      kind,
      label: GROUPS[kind],
      feeds: feeds.filter((feed) => feed.scope.kind === kind).map((feed) => feed.links),
    })),
    opml: opmlPath,
    opmlRss: opmlRssPath,
    calendar: calendarPath,
    calendarSize: CALENDAR_SIZE,
    calendarYears: calendarYears(snapshot.records),
  };
};
