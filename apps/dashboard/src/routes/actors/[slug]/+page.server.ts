import { actorPage } from '#lib/server/entity-page.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () =>
  entityIndex(await getSnapshot()).actors.map(({ slug }) => ({ slug }));

export const load: PageServerLoad = async ({ params }) =>
  actorPage({ snapshot: await getSnapshot(), slug: params.slug });
