/**
 * `brandlint preview`: lints the campaigns, renders every variant and writes a static
 * site (index.html + campaigns/<id>.html) that works offline and loads nothing from
 * elsewhere. The output folder is only ever written when it is empty or an earlier
 * preview, so a wrong --out cannot overwrite someone's files.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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

function checkOutput(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new PreviewOutputError(`--out ${out} is a file, not a folder`);
  const entries = readdirSync(out);
  if (entries.length && !entries.includes(MARKER))
    throw new PreviewOutputError(`${out} is not empty and is not a brandlint preview; choose an empty or new folder for --out`);
}

function writeFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
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
  mkdirSync(path.join(out, "campaigns"), { recursive: true });
  writeFileSync(path.join(out, MARKER), "This folder is written by `brandlint preview`; it is replaced on every run.\n");
  const keep = new Set(names);
  for (const f of readdirSync(path.join(out, "campaigns"))) if (f.endsWith(".html") && !keep.has(f)) rmSync(path.join(out, "campaigns", f), { force: true });
  for (const p of pages) writeFile(p.file, p.html);
  return { pages: pages.map((p) => p.file), campaigns: summaries.length };
}
