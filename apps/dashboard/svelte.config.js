import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** `BRIEFING_ADAPTER=static` builds a fully prerendered site (pages and feeds) for any CDN. */
const isStatic = process.env.BRIEFING_ADAPTER === 'static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
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
    output: { preloadStrategy: 'modulepreload' },
    // Inline the (small) stylesheets: one round trip less before the first paint. SvelteKit
    // hashes the inlined styles into the CSP.
    inlineStyleThreshold: 40_000,
  },
};

export default config;
