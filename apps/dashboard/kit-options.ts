import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import type { sveltekit } from '@sveltejs/kit/vite';

type KitOptions = NonNullable<Parameters<typeof sveltekit>[0]>;

/**
 * The SvelteKit options (Kit 3 takes them in the vite plugin, not in svelte.config.js), shared by
 * vite.config.ts and the vitest configs so that tests compile components the way the app does.
 */
export function kitOptions(): KitOptions {
  /** `BRIEFING_ADAPTER=static` builds a fully prerendered site (pages and feeds) for any CDN. */
  const isStatic = process.env.BRIEFING_ADAPTER === 'static';
  return {
    preprocess: vitePreprocess(),
    adapter: isStatic
      ? adapterStatic({
          // BRIEFING_STATIC_OUT lets a test build elsewhere without touching build-static/.
          pages: process.env.BRIEFING_STATIC_OUT ?? 'build-static',
          assets: process.env.BRIEFING_STATIC_OUT ?? 'build-static',
          strict: true,
        })
      : adapterNode({ out: 'build', precompress: true }),
    // Record text is untrusted: scripts only from our origin or by hash, never inline by default.
    // Hashes rather than nonces: pages are the same for everyone, so the server may reuse them.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // The one inline style is SvelteKit's route announcer (visually hidden text read out after
        // client-side navigation); 'unsafe-hashes' admits exactly that attribute, nothing else.
        'style-src': [
          'self',
          'unsafe-hashes',
          'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=',
        ],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    prerender: {
      // Every record and theme page is reachable by links, and the feeds by their route's entries.
      handleHttpError: 'fail',
      handleMissingId: 'fail',
      // Records that cite no document leave the documents route with nothing to prerender: fine.
      handleUnseenRoutes: ({ routes, message }) => {
        if (routes.some((route) => route !== '/documents/[name]')) throw new Error(message);
      },
    },
    // Inline the (small) stylesheets: one round trip less before the first paint. SvelteKit
    // hashes the inlined styles into the CSP.
    inlineStyleThreshold: 40_000,
  };
}
