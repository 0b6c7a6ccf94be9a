import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and server tests each start their own process; two cores are all we have.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
