import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { kitOptions } from './kit-options.ts';

const conditions = ['briefing-source', 'module', 'node', 'development|production'];

export default defineConfig({
  plugins: [sveltekit(kitOptions())],
  resolve: { conditions },
  ssr: { resolve: { conditions }, noExternal: [/^@briefing\//] },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
