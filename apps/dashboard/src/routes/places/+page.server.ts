import { building } from '$app/env';
import { entityList } from '#lib/server/entity-page.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) =>
  entityList({
    snapshot: await getSnapshot(),
    kind: 'place',
    q: building ? '' : (url.searchParams.get('q') ?? '').slice(0, 200),
  });
