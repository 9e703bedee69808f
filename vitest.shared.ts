import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests need no prior build.
const conditions = ['briefing-source', 'module', 'node', 'development|production'];

/** The vitest settings every Node package shares; each package's vitest.config.ts uses it. */
export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Suites start child processes, servers and python3-feedparser while other packages' suites
    // share the same two cores: the default 5 s is not enough on a busy CI machine.
    testTimeout: 30_000,
  },
});
