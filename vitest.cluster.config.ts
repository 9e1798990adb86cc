import { defineConfig } from 'vitest/config';

/**
 * The three-instance cluster (`npm run test:cluster`): real bot processes from the compiled bin
 * against one Redis, for minutes rather than seconds (the account's rate limit is a per-minute
 * window), so kept out of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
