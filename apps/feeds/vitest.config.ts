import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests need no prior build.
const conditions = ['briefing-source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Tests start python3-feedparser, node child processes and HTTP servers: on a busy 2-core CI
    // machine the default 5 s is not enough.
    testTimeout: 30_000,
  },
});
