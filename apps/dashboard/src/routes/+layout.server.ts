import { feedLinks } from '@briefing/feeds';
import type { LayoutServerLoad } from './$types';

// Every page advertises the all-briefings feeds; a page may name more specific ones as `alternate`.
const allFeeds = feedLinks({ scope: { kind: 'all' } });

export const load: LayoutServerLoad = () => ({ allFeeds });
