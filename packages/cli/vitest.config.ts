import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests need no prior build.
const conditions = ['briefing-source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
