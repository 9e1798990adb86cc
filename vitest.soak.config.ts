import { defineConfig } from 'vitest/config';

/** The soak (`npm run test:soak`): minutes, not seconds, so kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // global.gc, so memory is measured after a full collection rather than whenever V8 last ran one.
    execArgv: ['--expose-gc'],
    reporters: ['default'],
  },
});
