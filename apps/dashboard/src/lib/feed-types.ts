/** Site-relative subscription links of one feed scope (the shape of @briefing/feeds' FeedLinks). */
export interface FeedLinkSet {
  title: string;
  rss: string;
  atom: string;
  json: string;
}
