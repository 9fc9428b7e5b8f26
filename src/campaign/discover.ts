/**
 * Resolves the paths given on the command line (files, folders, globs) to campaign
 * folders. Linting any file of a campaign loads its whole folder, so cross-channel
 * rules always see every variant.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { CHANNELS, type Channel } from "../types.js";

export const MESSAGE_FILE = "message.md";
export const META_FILE = "campaign.json";
export const CHANNEL_FILES: Record<Channel, string> = {
  email: "email.mjml",
  sms: "sms.txt",
  push: "push.json",
  whatsapp: "whatsapp.txt",
  social: "social.txt",
};

/** A hand-written WhatsApp template with header, footer and buttons (instead of whatsapp.txt). */
export const WHATSAPP_TEMPLATE_FILE = "whatsapp.json";

/** The channel a hand-written file name belongs to (`sms.txt`, `sms.txt.hbs`), if any. */
export function channelOfFile(name: string): Channel | undefined {
  const base = name.endsWith(".hbs") ? name.slice(0, -4) : name;
  if (base === WHATSAPP_TEMPLATE_FILE) return "whatsapp";
  return CHANNELS.find((c) => CHANNEL_FILES[c] === base);
}

export function isCampaignFile(name: string): boolean {
  return name === MESSAGE_FILE || name === META_FILE || channelOfFile(name) !== undefined;
}

/** A path problem: the run cannot happen as asked (exit 2). */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PathError";
  }
}

function isCampaignDir(dir: string): boolean {
  try {
    return readdirSync(dir).some(isCampaignFile);
  } catch {
    return false;
  }
}

const SKIP = new Set(["node_modules", ".git", "dist", "out"]);

function collect(dir: string, out: Set<string>, depth: number, seen: Set<string>): void {
  if (depth > 12) return;
  let real: string;
  try {
    real = path.resolve(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  if (isCampaignDir(dir)) out.add(path.resolve(dir));
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".") || SKIP.has(e.name)) continue;
    collect(path.join(dir, e.name), out, depth + 1, seen);
  }
}

/** Returns the campaign folders the paths name, sorted. */
export function discoverCampaigns(paths: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const list = paths.length ? paths : ["templates"];
  for (const p of list) {
    const abs = path.resolve(cwd, p);
    if (existsSync(abs)) {
      const st = statSync(abs);
      if (st.isDirectory()) {
        const before = out.size;
        collect(abs, out, 0, seen);
        if (out.size === before && paths.length) throw new PathError(`no campaigns found in ${p} (a campaign folder holds message.md, campaign.json or channel files such as sms.txt)`);
      } else if (path.basename(abs) === "brand.config.json") {
        // The config changed: every campaign it governs (the templates/ beside it).
        const templates = path.join(path.dirname(abs), "templates");
        if (existsSync(templates)) collect(templates, out, 0, seen);
      } else if (isCampaignFile(path.basename(abs)) || isCampaignDir(path.dirname(abs))) out.add(path.dirname(abs));
      continue;
    }
    if (isDynamicPattern(p)) {
      const matches = globSync(p, { cwd, absolute: true, onlyFiles: false, ignore: ["**/node_modules/**", "**/.git/**"] });
      if (matches.length === 0) throw new PathError(`no files match the pattern "${p}"`);
      for (const m of matches) {
        const st = statSync(m, { throwIfNoEntry: false });
        if (!st) continue;
        if (st.isDirectory()) collect(m, out, 0, seen);
        else if (isCampaignFile(path.basename(m))) out.add(path.dirname(m));
      }
      continue;
    }
    throw new PathError(paths.length ? `no such file or folder: ${p}` : `no templates/ folder in ${cwd}; pass the paths to lint`);
  }
  return [...out].sort();
}
