/** The connection to a jaxlings server: `jaxlings serve` started for this window, or a remote one. */
import { ChildProcess, spawn } from 'child_process';
import * as vscode from 'vscode';

import { fetchTransport, IJaxlingsClient, JaxlingsClient } from '@jaxlings/client';

import {
  choosePython,
  IServerInfo,
  parseReadyLine,
  PythonSource,
  serveCommand,
  startFailureMessage
} from './logic';

export const TOKEN_SECRET = 'jaxlings.remoteToken';
const READY_TIMEOUT_MS = 180_000; // a first start imports JAX and fills the worker pool

/** The Python extension's interpreter for the workspace, when that extension is installed. */
async function pythonFromExtension(log: vscode.OutputChannel): Promise<string | undefined> {
  if (!vscode.extensions.getExtension('ms-python.python')) {
    return undefined;
  }
  try {
    const { PythonExtension } = await import('@vscode/python-extension');
    const api = await PythonExtension.api();
    const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
    const envPath = api.environments.getActiveEnvironmentPath(resource);
    const env = await api.environments.resolveEnvironment(envPath);
    return env?.executable.uri?.fsPath ?? envPath.path;
  } catch (error) {
    log.appendLine(`Could not ask the Python extension for its interpreter: ${error}`);
    return undefined;
  }
}

/** Start `python -m jaxlings serve` and resolve with its ready line. */
export function startLocalServer(
  python: string,
  source: PythonSource,
  log: vscode.OutputChannel
): Promise<{ info: IServerInfo; process: ChildProcess; startMs: number }> {
  const { command, args } = serveCommand(python);
  const t0 = Date.now();
  log.appendLine(`Starting: ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (message: string) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        child.kill();
        reject(new Error(message));
      }
    };
    const timer = setTimeout(
      () => fail(startFailureMessage(python, source, stderr + '\nit did not answer in time.')),
      READY_TIMEOUT_MS
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        const info = parseReadyLine(line);
        if (info && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({ info, process: child, startMs: Date.now() - t0 });
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
      log.append(chunk);
    });
    child.on('error', error => fail(startFailureMessage(python, source, stderr, String(error))));
    child.on('exit', code => {
      log.appendLine(`jaxlings serve exited (${code}).`);
      fail(startFailureMessage(python, source, stderr));
    });
  });
}

/** Holds the one server of this window and the client talking to it. */
export class Connection implements vscode.Disposable {
  private client: Promise<IJaxlingsClient> | null = null;
  private child: ChildProcess | null = null;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Milliseconds from spawning `jaxlings serve` to its ready line (local mode). */
  startMs: number | null = null;
  lastError: string | null = null;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.OutputChannel
  ) {}

  /** The client, starting the server on first use and reusing it for the window. */
  get(): Promise<IJaxlingsClient> {
    if (!this.client) {
      this.client = this.connect().then(
        client => {
          this.lastError = null;
          this.changed.fire();
          return client;
        },
        error => {
          this.client = null;
          this.lastError = error instanceof Error ? error.message : String(error);
          this.changed.fire();
          throw error;
        }
      );
    }
    return this.client;
  }

  private async connect(): Promise<IJaxlingsClient> {
    const config = vscode.workspace.getConfiguration('jaxlings');
    if (config.get<string>('server.mode', 'local') === 'remote') {
      const url = config.get<string>('server.url', '').trim();
      if (!url) {
        throw new Error(
          'Remote mode needs a server URL: set jaxlings.server.url (e.g. your JupyterHub server).'
        );
      }
      const token = (await this.secrets.get(TOKEN_SECRET)) ?? '';
      if (!token) {
        throw new Error(
          'Remote mode needs a token: run "jaxlings: Set Remote Server Token…" first.'
        );
      }
      this.log.appendLine(`Using the remote server ${url}`);
      return new JaxlingsClient(fetchTransport(url, token));
    }
    const { python, source } = choosePython(
      config.get<string>('pythonPath', ''),
      await pythonFromExtension(this.log)
    );
    const started = await startLocalServer(python, source, this.log);
    this.child = started.process;
    this.startMs = started.startMs;
    this.log.appendLine(`jaxlings serve ready at ${started.info.url} in ${started.startMs} ms`);
    started.process.on('exit', () => {
      if (this.child === started.process) {
        this.child = null;
        this.client = null;
        this.changed.fire();
      }
    });
    return new JaxlingsClient(fetchTransport(started.info.url, started.info.token));
  }

  /** Stop the local server (if any); the next request starts a new one. */
  stop(): void {
    const child = this.child;
    this.child = null;
    this.client = null;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }
}
