/** Starts code-server with the packaged extension installed, in throwaway dirs, on a free port. */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

export const VSCODE_DIR = resolve(__dirname, '..');
export const REPO = resolve(VSCODE_DIR, '..');
const CODE_SERVER =
  process.env.JAXLINGS_CODE_SERVER ??
  join(VSCODE_DIR, '.code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSIX = process.env.JAXLINGS_VSIX ?? join(VSCODE_DIR, 'jaxlings.vsix');
const PYTHON = process.env.JAXLINGS_E2E_PYTHON ?? join(REPO, '.venv', 'bin', 'python');

export interface ICodeServer {
  url: string;
  workspace: string;
  userSettings: string;
  stop(): void;
}

/** Editor settings that let typed code arrive as typed (no auto-closing, no suggestions). */
export function userSettings(theme: string): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': theme,
    // the theme follows the browser's colour scheme, which the test switches to dark
    'window.autoDetectColorScheme': true,
    'workbench.preferredLightColorTheme': 'Default Light Modern',
    'workbench.preferredDarkColorTheme': 'Default Dark Modern',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.autoIndent': 'none',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.minimap.enabled': false,
    'notebook.output.scrolling': false,
    'jaxlings.pythonPath': PYTHON
  };
}

export async function startCodeServer(): Promise<ICodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'jaxlings-e2e-'));
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  for (const dir of [join(userData, 'User'), extensions, workspace]) {
    mkdirSync(dir, { recursive: true });
  }
  const settingsPath = join(userData, 'User', 'settings.json');
  writeFileSync(settingsPath, JSON.stringify(userSettings('Default Light Modern'), null, 2));
  execFileSync(
    process.execPath,
    [
      CODE_SERVER,
      '--install-extension',
      VSIX,
      '--extensions-dir',
      extensions,
      '--user-data-dir',
      userData
    ],
    { stdio: 'pipe' }
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CODE_SERVER,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      // no folder argument: with one, code-server first tries to hand it to any other
      // code-server of this user on the machine; the folder comes in the URL instead
      '--ignore-last-opened'
    ],
    {
      // progress lives in the test's own data dir, never the learner's
      env: { ...process.env, JAXLINGS_DATA_DIR: join(root, 'jaxlings-data') },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start:\n${output}`)),
      120_000
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /HTTP server listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', code => reject(new Error(`code-server exited (${code}):\n${output}`)));
  });
  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    userSettings: settingsPath,
    stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
      }
      rmSync(root, { recursive: true, force: true });
    }
  };
}
