/**
 * `brandlint lsp --stdio`: the Language Server Protocol server (SPEC §10), on
 * vscode-languageserver. Every document change lints its campaign in memory: the
 * open buffers laid over a read-only disk (lint({ host })), so findings follow the
 * unsaved text, message.md refreshes the open sms.txt beside it, and a config edit
 * re-lints every open file under it. Edits (quick fixes, fix all, disable comments)
 * go to the client as WorkspaceEdits; the server never writes a file.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Campaign } from "../campaign/model.js";
import { CONFIG_NAME, isCampaignFile } from "../campaign/discover.js";
import { ConfigError, findConfig, MAX_CONFIG_BYTES, type ConfigProblem, type LoadedConfig } from "../config/load.js";
import type { LintMessage } from "../engine/linter.js";
import type { Rule } from "../engine/rule.js";
import { readText, type Host } from "../host/index.js";
import { lint, type IndexCache, type LintReport } from "../lint.js";
import { loadProject } from "../setup.js";
import type { Io } from "../cli/main.js";
import { packageVersion } from "../paths.js";
import { disableLineEdit, fixEdit, minimalEdit, messageText, rangeOf, toDiagnostic, uriOf } from "./convert.js";
import { buffersHost } from "./host.js";
import { hoverText } from "./hover.js";

export const FIX_ALL_KIND = "source.fixAll.brandlint";
/** Findings about a broken file, not about its words: they cannot be disabled by a comment. */
const UNSUPPRESSIBLE = new Set(["parse-error", "internal-error", "unused-suppression", "invalid-suppression"]);

export interface ServerOptions {
  /** Milliseconds between the last keystroke and the lint (default 150). */
  debounce?: number;
  /** onType (default): lint unsaved buffers as they change; onSave: on open and save only. */
  run?: "onType" | "onSave";
}

/** What the server knows about one open document after its last lint. */
interface DocState {
  version: number;
  messages: LintMessage[];
  dir: string;
}

/** The last lint of one campaign folder. */
interface CampaignState {
  campaign: Campaign | undefined;
  config: LoadedConfig;
  rules: Map<string, Rule<never>>;
  /** From the last run with project-scope rules: their findings by file, and what they were computed from. */
  project: { ids: string[]; messages: Map<string, LintMessage[]>; inputs: Map<string, string> };
}

/**
 * What project-scope rules (send-fatigue) see of a campaign: its metadata and the
 * config. While these texts are unchanged, their findings cannot change either, and they
 * sit in the frontmatter (before any body edit) or in campaign.json: an edit elsewhere
 * re-runs only the campaign's own rules and keeps them. The project index (every
 * campaign's metadata) is the slow part of a run in a big workspace.
 */
function projectInputs(host: Host, dir: string, config: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, meta] of [
    [config, (t: string) => t],
    [path.join(dir, "message.md"), (t: string) => (t.replace(/^\uFEFF/, "").startsWith("---") ? t.slice(0, t.indexOf("\n---", 3) + 4) : "")],
    [path.join(dir, "campaign.json"), (t: string) => t],
  ] as const) {
    const r = readText(host, file, MAX_CONFIG_BYTES);
    out.set(file, "text" in r ? meta(r.text) : `\u0000${r.code}`);
  }
  return out;
}

const sameInputs = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

type Target = { kind: "campaign"; dir: string; config: string } | { kind: "config"; config: string } | undefined;

function pathOf(uri: string): string | undefined {
  return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
}

export class BrandlintServer {
  readonly documents = new TextDocuments(TextDocument);
  private options: Required<ServerOptions> = { debounce: 150, run: "onType" };
  private readonly docs = new Map<string, DocState>();
  private readonly campaigns = new Map<string, CampaignState>();
  /** Files each campaign's last lint read (includes, partials): a change to one re-lints the campaign. */
  private readonly readsBy = new Map<string, Set<string>>();
  /** Diagnostics published on a config (its problems or findings), by config path → file uris. */
  private readonly configUris = new Map<string, Set<string>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The project index of each config, kept between lints: only campaigns whose files changed are read again. */
  private readonly indexes = new Map<string, IndexCache>();
  private readonly pending = new Map<string, Promise<void>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly connection: Connection,
    private readonly disk?: Host,
  ) {
    connection.onInitialize((p) => this.initialize(p));
    connection.onHover((p) => this.hover(p));
    connection.onCodeAction((p) => this.codeActions(p));
    connection.onDidChangeConfiguration((p) => {
      const s = (p.settings as { brandlint?: ServerOptions } | undefined)?.brandlint;
      if (s) this.configure(s);
    });
    connection.onDidChangeWatchedFiles(() => this.relintOpen());
    this.documents.onDidOpen((e) => this.changed(e.document, "open"));
    this.documents.onDidChangeContent((e) => this.changed(e.document, "change"));
    this.documents.onDidSave((e) => this.changed(e.document, "save"));
    this.documents.onDidClose((e) => this.closed(e.document));
    this.documents.listen(connection);
  }

  private indexFor(config: string): IndexCache {
    let index = this.indexes.get(config);
    if (!index) this.indexes.set(config, (index = new Map()));
    return index;
  }

  private configure(o: ServerOptions): void {
    if (typeof o.debounce === "number" && o.debounce >= 0) this.options.debounce = o.debounce;
    if (o.run === "onType" || o.run === "onSave") this.options.run = o.run;
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.configure((p.initializationOptions ?? {}) as ServerOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: "brandlint", version: packageVersion },
    };
  }

  private host(): Host {
    const buffers = new Map<string, string>();
    for (const d of this.documents.all()) {
      const p = pathOf(d.uri);
      if (p) buffers.set(p, d.getText());
    }
    return this.disk ? buffersHost(buffers, this.disk) : buffersHost(buffers);
  }

  /** Which lint a document belongs to: its campaign (with the config found upward), its config, or none. */
  private target(file: string, host: Host = this.host()): Target {
    const name = path.basename(file);
    if (name === CONFIG_NAME) return { kind: "config", config: file };
    if (!isCampaignFile(name)) return undefined;
    const dir = path.dirname(file);
    const config = findConfig(dir, host);
    return config ? { kind: "campaign", dir, config } : undefined;
  }

  private changed(doc: TextDocument, why: "open" | "change" | "save"): void {
    if (this.options.run === "onSave" && why === "change") return;
    if (this.options.run === "onType" && why === "save") return;
    const file = pathOf(doc.uri);
    if (!file) return;
    const t = this.target(file);
    const delay = why === "change" ? this.options.debounce : 0;
    if (t?.kind === "campaign") {
      const meta = ["message.md", "campaign.json"].includes(path.basename(file));
      this.schedule(t.dir, delay, () => this.lintCampaign(t.dir, t.config, { spread: meta }));
    } else if (t?.kind === "config") this.schedule(t.config, delay, () => this.configChanged(t.config));
    else
      for (const [dir, reads] of this.readsBy)
        if (reads.has(file)) {
          const cfg = this.target(path.join(dir, "message.md"));
          if (cfg?.kind === "campaign") this.schedule(dir, delay, () => this.lintCampaign(dir, cfg.config));
        }
  }

  private closed(doc: TextDocument): void {
    const file = pathOf(doc.uri);
    this.docs.delete(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    if (!file) return;
    const dir = path.dirname(file);
    if (!this.documents.all().some((d) => d.uri !== doc.uri && pathOf(d.uri) !== undefined && path.dirname(pathOf(d.uri)!) === dir)) {
      // Nothing of the campaign is open any more: forget its rendered variants.
      this.campaigns.delete(dir);
      this.readsBy.delete(dir);
    }
    // The campaign now reads the file from disk again.
    const t = this.target(file);
    if (t?.kind === "campaign" && this.openCampaigns(t.config).has(t.dir)) this.schedule(t.dir, 0, () => this.lintCampaign(t.dir, t.config));
    if (t?.kind === "config") this.schedule(t.config, 0, () => this.configChanged(t.config));
  }

  private schedule(key: string, delay: number, task: () => Promise<void>): void {
    clearTimeout(this.timers.get(key));
    if (delay <= 0) {
      this.timers.delete(key);
      void this.enqueue(key, task);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.enqueue(key, task);
      }, delay),
    );
  }

  /** Runs tasks one at a time; a key already waiting is not queued twice. */
  private enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const p = this.chain.then(async () => {
      this.pending.delete(key);
      try {
        await task();
      } catch (e) {
        this.connection.console.error(`brandlint: ${(e as Error)?.stack ?? String(e)}`);
      }
    });
    this.pending.set(key, p);
    this.chain = p;
    return p;
  }

  /** Campaign folders with an open document, under one config. */
  private openCampaigns(config: string): Set<string> {
    const host = this.host();
    const dirs = new Set<string>();
    for (const d of this.documents.all()) {
      const file = pathOf(d.uri);
      const t = file ? this.target(file, host) : undefined;
      if (t?.kind === "campaign" && t.config === config) dirs.add(t.dir);
    }
    return dirs;
  }

  private relintOpen(): void {
    const configs = new Set<string>();
    for (const d of this.documents.all()) {
      const file = pathOf(d.uri);
      const t = file ? this.target(file) : undefined;
      if (t) configs.add(t.config);
    }
    for (const c of configs) this.schedule(c, 0, () => this.configChanged(c));
  }

  /** The config changed: check it, then re-lint every open file under it. */
  private async configChanged(config: string): Promise<void> {
    const cwd = path.dirname(config);
    try {
      await loadProject({ cwd, configPath: config, host: this.host() });
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this.publishConfigProblems(config, cwd, e.problems);
      for (const dir of this.openCampaigns(config)) this.clearCampaign(dir);
      return;
    }
    this.publishConfig(config, new Map());
    for (const dir of this.openCampaigns(config)) await this.lintCampaign(dir, config, { full: true });
  }

  /** Lints one campaign folder with every open buffer and publishes the findings of its open documents. */
  private async lintCampaign(dir: string, config: string, how: { spread?: boolean; full?: boolean } = {}): Promise<void> {
    const versions = new Map(this.documents.all().map((d) => [d.uri, d.version]));
    const cwd = path.dirname(config);
    const host = this.host();
    const inputs = projectInputs(host, dir, config);
    const prev = this.campaigns.get(dir)?.project;
    // Project findings are kept when nothing they depend on changed (see projectInputs).
    const keep = !how.full && prev && sameInputs(prev.inputs, inputs) ? prev : undefined;
    let report: LintReport;
    try {
      report = await lint({ cwd, configPath: config, paths: [dir], host, workers: 1, indexCache: this.indexFor(config), ...(keep ? { only: [...this.campaigns.get(dir)!.rules.keys()].filter((id) => !keep.ids.includes(id)) } : {}) });
    } catch (e) {
      if (e instanceof ConfigError) {
        this.publishConfigProblems(config, cwd, e.problems);
        this.clearCampaign(dir);
        return;
      }
      // A folder that vanished, a path brandlint refuses: no findings, no popup; the log says why.
      this.connection.console.warn(`brandlint: ${dir}: ${(e as Error).message}`);
      this.clearCampaign(dir);
      return;
    }
    const rules = new Map(report.rules.map((r) => [r.meta.id, r]));
    const ids = report.rules.filter((r) => r.meta.scope === "project").map((r) => r.meta.id);
    let byFile = new Map(report.results.map((r) => [r.file.path, r.messages]));
    let project: CampaignState["project"];
    if (keep) {
      // A suppression of a project rule looks unused when that rule did not run.
      const mentionsProject = (m: LintMessage) => m.ruleId === "unused-suppression" && keep.ids.some((id) => m.message.includes(id));
      const files = new Set([...byFile.keys(), ...keep.messages.keys()]);
      byFile = new Map([...files].map((f) => [f, [...(byFile.get(f) ?? []).filter((m) => !mentionsProject(m)), ...(keep.messages.get(f) ?? [])].sort(byPosition)]));
      project = keep;
    } else {
      project = { ids, inputs, messages: new Map([...byFile].map(([f, ms]) => [f, ms.filter((m) => ids.includes(m.ruleId))])) };
    }
    this.campaigns.set(dir, { campaign: report.campaigns.find((c) => c.dir === dir), config: report.config, rules, project });
    this.readsBy.set(dir, new Set(report.reads));
    for (const d of this.documents.all()) {
      const file = pathOf(d.uri);
      if (!file || file === config) continue;
      const inCampaign = path.dirname(file) === dir && isCampaignFile(path.basename(file));
      const messages = byFile.get(file);
      if (!inCampaign && !messages) continue;
      const version = versions.get(d.uri) ?? d.version;
      this.docs.set(d.uri, { version, messages: messages ?? [], dir });
      void this.connection.sendDiagnostics({ uri: d.uri, version, diagnostics: (messages ?? []).map((m) => toDiagnostic(m, rules)) });
    }
    // Findings on the config itself (and the end of any earlier config problem).
    this.publishConfig(config, new Map([[config, (byFile.get(config) ?? []).map((m) => toDiagnostic(m, rules))]]));
    // Metadata feeds project rules (send-fatigue): the other open campaigns may clash or stop clashing.
    if (how.spread && !keep)
      for (const other of this.openCampaigns(config)) if (other !== dir) this.schedule(other, 0, () => this.lintCampaign(other, config, { full: true }));
  }

  private clearCampaign(dir: string): void {
    this.campaigns.delete(dir);
    for (const d of this.documents.all()) {
      const file = pathOf(d.uri);
      if (!file || path.dirname(file) !== dir || path.basename(file) === CONFIG_NAME) continue;
      this.docs.set(d.uri, { version: d.version, messages: [], dir });
      void this.connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics: [] });
    }
  }

  /** Config problems as diagnostics at their positions (one per problem, on the file it names). */
  private publishConfigProblems(config: string, cwd: string, problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of problems) {
      const file = path.resolve(cwd, p.file);
      const text = this.textOf(file);
      const list = byFile.get(file) ?? [];
      list.push({ range: problemRange(text, p), severity: DiagnosticSeverity.Error, source: "brandlint", code: "config", message: p.message });
      byFile.set(file, list);
    }
    if (!byFile.has(config)) byFile.set(config, []);
    this.publishConfig(config, byFile);
  }

  /** Replaces the diagnostics published for a config (clearing files no longer concerned). */
  private publishConfig(config: string, byFile: Map<string, Diagnostic[]>): void {
    const before = this.configUris.get(config) ?? new Set<string>();
    const now = new Set<string>();
    for (const [file, diagnostics] of byFile) {
      const uri = uriOf(file);
      if (!diagnostics.length && !before.has(uri)) continue;
      void this.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) now.add(uri);
    }
    for (const uri of before) if (!now.has(uri) && ![...byFile.keys()].some((f) => uriOf(f) === uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.configUris.set(config, now);
  }

  private textOf(file: string): string {
    const open = this.documents.get(uriOf(file));
    if (open) return open.getText();
    const r = readText(this.host(), file, MAX_CONFIG_BYTES);
    return "text" in r ? r.text : "";
  }

  /** The document's findings and campaign for its current text (linting now when they are stale). */
  private async fresh(doc: TextDocument): Promise<{ state: DocState; campaign: CampaignState } | undefined> {
    const file = pathOf(doc.uri);
    const t = file ? this.target(file) : undefined;
    if (t?.kind !== "campaign") return undefined;
    let state = this.docs.get(doc.uri);
    if (!state || state.version !== doc.version || !this.campaigns.has(t.dir)) {
      clearTimeout(this.timers.get(t.dir));
      this.timers.delete(t.dir);
      await this.enqueue(t.dir, () => this.lintCampaign(t.dir, t.config));
      state = this.docs.get(doc.uri);
    }
    const campaign = this.campaigns.get(t.dir);
    return state && campaign && state.version === doc.version ? { state, campaign } : undefined;
  }

  private async hover(p: HoverParams): Promise<Hover | null> {
    const doc = this.documents.get(p.textDocument.uri);
    const file = pathOf(p.textDocument.uri);
    if (!doc || !file) return null;
    const f = await this.fresh(doc);
    if (!f) return null;
    const bom = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
    const value = hoverText({
      file,
      offset: doc.offsetAt(p.position) - bom,
      line: p.position.line + 1,
      column: p.position.character + 1,
      campaign: f.campaign.campaign,
      config: f.campaign.config,
      messages: f.state.messages,
      rules: f.campaign.rules,
    });
    return value ? { contents: { kind: "markdown", value } } : null;
  }

  private async codeActions(p: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.documents.get(p.textDocument.uri);
    const file = pathOf(p.textDocument.uri);
    if (!doc || !file) return [];
    const f = await this.fresh(doc);
    if (!f) return [];
    const uri = doc.uri;
    const wanted = (kind: string) => !p.context.only?.length || p.context.only.some((k) => kind === k || kind.startsWith(k + "."));
    const actions: CodeAction[] = [];
    const { rules } = f.campaign;
    const r = p.range;
    const overlaps = (m: LintMessage) => {
      const a = rangeOf(m.line, m.column, m.endLine, m.endColumn);
      const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character <= y.character);
      return before(a.start, r.end) && before(r.start, a.end);
    };
    if (wanted(CodeActionKind.QuickFix))
      for (const m of f.state.messages.filter(overlaps)) {
        const diagnostic = toDiagnostic(m, rules);
        if (m.fix) actions.push({ title: `Fix: ${messageText(m)}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [fixEdit(doc, m.fix)] } } });
        for (const s of m.suggestions ?? []) actions.push({ title: s.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [fixEdit(doc, s.fix)] } } });
        const disable = UNSUPPRESSIBLE.has(m.ruleId) ? undefined : disableLineEdit(doc, file, m.line, m.ruleId);
        if (disable) actions.push({ title: `Disable ${m.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [disable] } } });
      }
    if (wanted(FIX_ALL_KIND) && f.state.messages.some((m) => m.fix)) {
      const edit = await this.fixAll(doc, file, f.state.dir);
      if (edit) actions.push({ title: "Fix all brandlint problems in this file", kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
    }
    return actions;
  }

  /** Every fix of the document, computed like --fix (rounds until stable) on the buffers, as one edit. */
  private async fixAll(doc: TextDocument, file: string, dir: string) {
    const t = this.target(file);
    if (t?.kind !== "campaign") return undefined;
    let output: string | undefined;
    await this.enqueue(`fix:${dir}`, async () => {
      const report = await lint({ cwd: path.dirname(t.config), configPath: t.config, paths: [file], host: this.host(), fix: true, workers: 1, keepCampaigns: false });
      output = report.output[file];
    });
    return output === undefined ? undefined : minimalEdit(doc, output);
  }
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A config problem's range: the JSON token at its position (the whole first line when it has none). */
function problemRange(text: string, p: ConfigProblem) {
  if (p.line <= 0) return rangeOf(1, 1, 1, Math.max(1, (text.split(/\r?\n/, 1)[0] ?? "").length + 1));
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[p.line - 1] ?? "";
  const col = Math.max(1, p.column);
  const rest = line.slice(col - 1);
  const token = /^"(?:[^"\\]|\\.)*"?|^[^\s,:{}[\]]+/.exec(rest)?.[0] ?? "";
  return rangeOf(p.line, col, p.line, col + Math.max(1, token.length));
}

const USAGE = `Usage: brandlint lsp --stdio

Runs the brandlint language server (LSP 3.17) over standard input and output: findings
as you type in message.md, every channel file and brand.config.json, quick fixes,
"fix all", "disable for this line", and hover (SMS segments, palette colours, variables).
Editors start it themselves; see docs/integrations.md.
`;

/** The `lsp` subcommand. Resolves only if the connection could not start (the server exits on the client's exit). */
export async function lspCommand(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  // vscode-languageclient adds --clientProcessId=<pid> (the server also gets it in initialize).
  const unknown = args.filter((a) => a !== "--stdio" && !/^--clientProcessId=\d+$/.test(a));
  if (unknown.length) {
    io.stderr(`brandlint: lsp: unknown argument ${unknown[0]} (only --stdio is supported; see brandlint lsp --help)\n`);
    return 2;
  }
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  new BrandlintServer(connection);
  connection.listen();
  return await new Promise<number>(() => {});
}
