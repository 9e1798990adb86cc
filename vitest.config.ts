import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/soak/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: forks keep each file's servers and undici agents apart without oversubscribing.
    pool: 'forks',
    reporters: ['default'],
  },
});
