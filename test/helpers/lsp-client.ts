/**
 * An LSP client for tests: spawns the built server (`node bin/brandlint.js lsp --stdio`,
 * or any command) and speaks the protocol to it with vscode-jsonrpc and
 * vscode-languageserver-protocol, recording every publishDiagnostics.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Range,
} from "vscode-languageserver-protocol";
import { BIN, REPO_ROOT } from "./cli.js";

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  at: number;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly published: Published[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private versions = new Map<string, number>();
  stderr = "";
  exitCode: Promise<number | null>;

  constructor(command: string[] = [process.execPath, BIN, "lsp", "--stdio"], cwd = REPO_ROOT) {
    if (command[1] === BIN && !existsSync(path.join(REPO_ROOT, "dist", "brandlint.mjs"))) throw new Error("the CLI is not built: run `npm run build`");
    this.child = spawn(command[0]!, command.slice(1), { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.exitCode = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const entry = { ...p, at: performance.now() };
      this.published.push(entry);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(entry)) return true;
        w.resolve(entry);
        return false;
      });
    });
    // The server may ask for configuration or register capabilities: answer like a plain client.
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize(rootDir: string, initializationOptions: Record<string, unknown> = { debounce: 0 }): Promise<InitializeResult> {
    const r = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ["markdown"] } } },
      initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: "test" }],
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return r;
  }

  /** The next publishDiagnostics for `file` that satisfies `test` (counting ones already received after `since`). */
  diagnostics(file: string, test: (p: Published) => boolean = () => true, since = 0): Promise<Published> {
    const uri = pathToFileURL(file).href;
    const match = (p: Published) => p.uri === uri && p.at >= since && test(p);
    const seen = this.published.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const fail = (why: string) => reject(new Error(`${why}: no matching diagnostics for ${file}; got ${JSON.stringify(this.published.filter((p) => p.uri === uri))}\n${this.stderr}`));
      const timer = setTimeout(() => fail("timed out"), 30_000);
      // A server that exits never answers: fail at once, with what it printed.
      void this.exitCode.then((code) => {
        clearTimeout(timer);
        fail(`the server exited (${code})`);
      });
      this.waiters.push({
        test: match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(file: string, text: string, languageId = "markdown"): Promise<void> {
    this.versions.set(file, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(file).href, languageId, version: 1, text } });
  }

  /** Replaces the whole buffer; returns the new version. */
  async change(file: string, text: string): Promise<number> {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(file).href, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(file).href } });
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } });
  }

  async codeActions(file: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: pathToFileURL(file).href }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
    return (r ?? []) as CodeAction[];
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
