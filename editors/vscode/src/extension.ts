// Starts `specgate lsp` for Markdown files and hands it VS Code's documents: everything the
// editor shows (diagnostics, quick fixes, hover, completion, navigation, code lenses, the
// checklist and status commands) comes from the server.
import * as vscode from 'vscode';
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The command that starts the server, from the extension's settings. */
export function serverCommand(config: vscode.WorkspaceConfiguration): Executable {
  const today = (config.get<string>('today') ?? '').trim();
  const extra = today === '' ? [] : ['--today', today];
  const jar = (config.get<string>('jar') ?? '').trim();
  if (jar !== '') {
    const java = (config.get<string>('java') ?? 'java').trim() || 'java';
    return { command: java, args: ['-jar', jar, 'lsp', ...extra] };
  }
  const path = (config.get<string>('path') ?? 'specgate').trim() || 'specgate';
  return { command: path, args: ['lsp', ...extra] };
}

async function start(): Promise<void> {
  const run = serverCommand(vscode.workspace.getConfiguration('specgate'));
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.specgate.yml'),
    },
  };
  client = new LanguageClient('specgate', 'Specgate', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  if (client !== undefined) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('specgate.restart', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('specgate')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
