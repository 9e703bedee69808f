import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests need no prior build.
const conditions = ['briefing-source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Several packages' suites share two cores here; child-process tests can wait their turn.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
