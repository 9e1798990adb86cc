import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: files that open no socket (held by test/helpers/no-sockets.ts), in seconds.
 * Everything else is `npm run test:integration`: real libraries over loopback.
 */
const UNIT = [
  'test/unit/**/*.test.ts',
  'test/state/memory-store.test.ts',
  'test/state/file-store.test.ts',
  'test/pipeline/**/*.test.ts',
  'test/bitmind/options.test.ts',
  'test/bitmind/timing.test.ts',
  'test/check/wording.test.ts',
  'test/config/**/*.test.ts',
  'test/log/logger.test.ts',
  'test/media/address-policy.test.ts',
  'test/media/memory.test.ts',
  'test/media/temp-area.test.ts',
  'test/settings/file-store.test.ts',
  'test/start/work-tracker.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: forks keep each file's servers and undici agents apart without oversubscribing.
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, setupFiles: ['test/helpers/no-sockets.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT, 'test/soak/**', 'test/cluster/**', 'node_modules/**'],
        },
      },
    ],
  },
});
