// The brandlint VS Code extension: a thin client. It starts `brandlint lsp --stdio`
// (the workspace's own node_modules/brandlint when there is one, else the server
// bundled in the extension) and lets vscode-languageclient do the rest: diagnostics,
// quick fixes, "fix all" (source.fixAll.brandlint) and hover come from the server.
import { existsSync } from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind } from "vscode-languageclient/node";

/** The files brandlint lints (SPEC §1): the source message, campaign metadata, hand-written channel files and the config. */
const PATTERN = "**/{message.md,campaign.json,brand.config.json,email.mjml,sms.txt,push.json,whatsapp.txt,social.txt,*.hbs}";

let client;

/** The server to start: the project's own brandlint (same version as its CLI and CI), else the bundled one. */
export function serverModule(folders, extensionPath) {
  for (const folder of folders) {
    const pkg = path.join(folder, "node_modules", "brandlint");
    // A brandlint older than its language server has no dist/src/lsp: use the bundled one.
    if (existsSync(path.join(pkg, "bin", "brandlint.js")) && existsSync(path.join(pkg, "dist", "src", "lsp", "server.js"))) return path.join(pkg, "bin", "brandlint.js");
  }
  return path.join(extensionPath, "server", "bin", "brandlint.js");
}

async function start(context) {
  const settings = vscode.workspace.getConfiguration("brandlint");
  if (!settings.get("enable", true)) return;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const module = serverModule(folders, context.extensionPath);
  const run = { module, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "brandlint",
    "brandlint",
    { run, debug: run },
    {
      documentSelector: [{ scheme: "file", pattern: PATTERN }],
      initializationOptions: { run: settings.get("run", "onType") },
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(PATTERN) },
    },
  );
  await client.start();
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("brandlint.enable") || e.affectsConfiguration("brandlint.run")) {
        await stop();
        await start(context);
      }
    }),
    { dispose: () => void stop() },
  );
  await start(context);
}

export function deactivate() {
  return stop();
}
