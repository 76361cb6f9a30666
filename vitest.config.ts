import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Server and browser tests bind ports and spawn processes; two cores.
    maxWorkers: 2,
  },
});
