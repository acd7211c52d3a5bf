// Unit tests of the front end's pure modules (grouping, results, gating, binding, model).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/__tests__/**/*.spec.ts'],
    environment: 'node'
  }
});
