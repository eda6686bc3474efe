import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page or a run reacts within a second on a quiet machine; CI machines may be busy.
    expect: { poll: { timeout: 10_000 } },
  },
});
