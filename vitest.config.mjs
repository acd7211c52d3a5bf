// Unit tests: the lab's model, the shared client's pure modules and contract, the VS Code extension's logic.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // the VS Code extension's tests run against a mock of the `vscode` module
    alias: [
      {
        find: /^vscode$/,
        replacement: fileURLToPath(new URL('./vscode/test/vscode-mock.ts', import.meta.url))
      }
    ]
  },
  test: {
    include: [
      'src/__tests__/**/*.spec.ts',
      'src/__tests__/**/*.spec.tsx',
      'packages/client/test/**/*.spec.ts',
      'packages/dashboard/test/**/*.spec.ts',
      'vscode/test/**/*.spec.ts'
    ],
    environment: 'node'
  }
});
