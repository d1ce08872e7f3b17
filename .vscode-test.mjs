// Configuration for @vscode/test-cli (desktop VS Code via @vscode/test-electron). NOT used by `npm test`.
//
// The project's end-to-end tests run in code-server instead (test/e2e/, `npm run test:e2e`), because
// @vscode/test-electron downloads VS Code from update.code.visualstudio.com at run time, which CI machines
// here cannot reach. On a machine with internet access, an in-host test suite can run against desktop VS Code:
//
//   npm install --save-dev --save-exact @vscode/test-cli@0.0.11 @vscode/test-electron@2.5.2 mocha@11.7.1
//   npm run build
//   npx vscode-test                      # downloads VS Code 1.100.3 into .vscode-test/, then runs `files`
//
// `files` are mocha tests (compiled to JS) that run INSIDE the extension host and can `require('vscode')`,
// e.g. `vscode.languages.getDiagnostics(uri)` after opening test/e2e/workspace/missing-lastName.ocip.yaml.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'desktop',
  files: 'out/test/desktop/**/*.test.js',
  version: '1.100.3', // the same VS Code as code-server 4.100.3 in scripts/setup-e2e.sh
  workspaceFolder: './test/e2e/workspace',
  extensionDevelopmentPath: '.',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'bdd', timeout: 60_000 },
});
