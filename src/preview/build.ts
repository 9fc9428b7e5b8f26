/**
 * `brandlint preview`: lints the campaigns, renders every variant and writes a static
 * site (index.html + campaigns/<id>.html) that works offline and loads nothing from
 * elsewhere. The output folder is only ever written when it is empty or an earlier
 * preview, so a wrong --out cannot overwrite someone's files.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { SettingsResolver } from "../config/settings.js";
import { lint } from "../lint.js";
import { campaignFindings } from "./findings.js";
import { campaignPage, indexPage, type CampaignSummary, type PageContext } from "./pages.js";
import { brandTheme } from "./theme.js";

export interface PreviewOptions {
  /** Working directory: paths, --config and --out are relative to it. */
  cwd: string;
  /** Files, folders or globs (default: templates/). */
  paths?: string[];
  configPath?: string;
  /** Output folder. */
  out: string;
  /** Add the live-reload script that `--serve` answers. */
  live?: boolean;
}

export interface PreviewResult {
  /** Absolute paths of the pages written: index.html first. */
  pages: string[];
  campaigns: number;
}

/** The output folder holds someone else's files. */
export class PreviewOutputError extends Error {}

/** Marks a folder as a brandlint preview, which later runs may overwrite. */
export const MARKER = ".brandlint-preview";

/** Without leading and trailing dashes (a loop: /-+$/ retries every dash of a long run). */
function trimDashes(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === "-") a++;
  while (b > a && s[b - 1] === "-") b--;
  return s.slice(a, b);
}

/** A file name for each campaign id: letters, digits, `-` and `_` kept; clashes numbered. */
export function pageNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = trimDashes(id.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "-")).slice(0, 80) || "campaign";
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    used.add(name.toLowerCase());
    return `${name}.html`;
  });
}

/** lstat, or undefined when nothing is there: a symbolic link is never followed. */
function lstatOrNone(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * The output folder, its `campaigns` folder and its marker must be what brandlint made
 * them: a real folder, a real folder and a regular file. A symbolic link committed in
 * their place would redirect the preview's writes and deletes elsewhere.
 */
function checkOutput(out: string): void {
  const st = lstatOrNone(out);
  if (!st) return;
  if (st.isSymbolicLink()) throw new PreviewOutputError(`--out ${out} is a symbolic link; brandlint writes the preview only into a real folder`);
  if (!st.isDirectory()) throw new PreviewOutputError(`--out ${out} is a file, not a folder`);
  const entries = readdirSync(out);
  if (entries.length && !entries.includes(MARKER))
    throw new PreviewOutputError(`${out} is not empty and is not a brandlint preview; choose an empty or new folder for --out`);
  const marker = lstatOrNone(path.join(out, MARKER));
  if (marker && !marker.isFile()) throw new PreviewOutputError(`${path.join(out, MARKER)} is not a file brandlint wrote (a symbolic link or a folder); remove it`);
  const campaigns = lstatOrNone(path.join(out, "campaigns"));
  if (campaigns && !campaigns.isDirectory()) throw new PreviewOutputError(`${path.join(out, "campaigns")} is not a folder brandlint made (a symbolic link or a file); remove it`);
}

/** Refuses an output path that is not inside the output folder. */
function inside(out: string, file: string): string {
  const rel = path.relative(out, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) throw new PreviewOutputError(`${file} is outside the preview folder ${out}; not written`);
  return file;
}

/** Writes through a new temp file (never an existing path, never through a link) and a rename, which replaces a link rather than following it. */
function writeFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, text, { flag: "wx" });
  renameSync(tmp, file);
}

export async function buildPreview(options: PreviewOptions): Promise<PreviewResult> {
  const cwd = path.resolve(options.cwd);
  const out = path.resolve(cwd, options.out);
  checkOutput(out);
  // In this thread (workers: 1): the pages need every campaign's rendered variants, which worker threads do not hand back.
  const report = await lint({ cwd, workers: 1, ...(options.paths ? { paths: options.paths } : {}), ...(options.configPath ? { configPath: options.configPath } : {}) });
  const ctx: PageContext = {
    config: report.config,
    settings: new SettingsResolver(report.config),
    theme: brandTheme(report.config.data),
    cwd,
    live: options.live ?? false,
  };
  const names = pageNames(report.campaigns.map((c) => c.id));
  const summaries: CampaignSummary[] = report.campaigns.map((campaign, i) => ({
    campaign,
    file: `campaigns/${encodeURIComponent(names[i]!)}`,
    findings: campaignFindings(campaign, report.results),
  }));
  const pages: { file: string; html: string }[] = [{ file: path.join(out, "index.html"), html: indexPage(ctx, summaries, report.results) }];
  for (const [i, s] of summaries.entries()) pages.push({ file: path.join(out, "campaigns", names[i]!), html: await campaignPage(ctx, s, "../index.html") });
  // Checked again just before writing: the lint above takes a while.
  checkOutput(out);
  mkdirSync(path.join(out, "campaigns"), { recursive: true });
  writeFile(path.join(out, MARKER), "This folder is written by `brandlint preview`; it is replaced on every run.\n");
  const keep = new Set(names);
  const campaignsDir = path.join(out, "campaigns");
  // Only files brandlint wrote go: regular *.html files (a link there is removed as a link, never followed).
  for (const f of readdirSync(campaignsDir)) {
    const p = inside(campaignsDir, path.join(campaignsDir, f));
    if (f.endsWith(".html") && !keep.has(f) && lstatOrNone(p)?.isFile()) rmSync(p, { force: true });
  }
  for (const p of pages) writeFile(inside(out, p.file), p.html);
  return { pages: pages.map((p) => p.file), campaigns: summaries.length };
}
