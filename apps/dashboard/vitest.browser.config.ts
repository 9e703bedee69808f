import { defineConfig } from 'vitest/config';

// Browser tests drive Chromium against the built adapter-node server (`vite build` first).
const conditions = ['briefing-source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One server, one Chromium per file; files in turn keep the 2-core machine responsive.
    fileParallelism: false,
  },
});
