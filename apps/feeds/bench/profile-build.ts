import { generateBriefings } from '@briefing/schema/testing';
import { buildFeeds } from '../src/build-feeds.js';
const records = generateBriefings({ count: 10_000 });
const t = performance.now();
buildFeeds({ records, siteUrl: 'https://briefing.example.org/' });
console.log('build ms', (performance.now() - t).toFixed(0));
