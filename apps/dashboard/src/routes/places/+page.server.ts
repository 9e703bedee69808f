import { building } from '$app/env';
import { entityList } from '#lib/server/entity-page.ts';
import { getStore } from '#lib/server/store.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) =>
  entityList({
    store: await getStore(),
    kind: 'place',
    q: building ? '' : (url.searchParams.get('q') ?? '').slice(0, 200),
  });
