/**
 * Resolves the paths given on the command line (files, folders, globs) to campaign
 * folders, through the Host. Linting any file of a campaign loads its whole folder, so
 * cross-channel rules always see every variant. Also lists every campaign of a project
 * (for the project index).
 */
import path from "node:path";
import { globHost, isGlob, type Host } from "../host/index.js";
import { CHANNELS, type Channel } from "../types.js";

export const MESSAGE_FILE = "message.md";
export const META_FILE = "campaign.json";
export const CONFIG_NAME = "brand.config.json";
export const CHANNEL_FILES: Record<Channel, string> = {
  email: "email.mjml",
  sms: "sms.txt",
  push: "push.json",
  whatsapp: "whatsapp.txt",
  social: "social.txt",
};

/** A hand-written WhatsApp template with header, footer and buttons (instead of whatsapp.txt). */
export const WHATSAPP_TEMPLATE_FILE = "whatsapp.json";
/** Other file names of a channel's template: a hand-written HTML email, a WhatsApp template. */
export const MORE_CHANNEL_FILES: Record<string, Channel> = { "email.html": "email", [WHATSAPP_TEMPLATE_FILE]: "whatsapp" };
/** Every channel template name (without `.hbs`). */
export const CHANNEL_FILE_NAMES = [...Object.values(CHANNEL_FILES), ...Object.keys(MORE_CHANNEL_FILES)];

/** The channel a hand-written file name belongs to (`sms.txt`, `sms.txt.hbs`, `email.html`, `whatsapp.json`), if any. */
export function channelOfFile(name: string): Channel | undefined {
  const base = name.endsWith(".hbs") ? name.slice(0, -4) : name;
  return CHANNELS.find((c) => CHANNEL_FILES[c] === base) ?? (Object.hasOwn(MORE_CHANNEL_FILES, base) ? MORE_CHANNEL_FILES[base] : undefined);
}

export function isCampaignFile(name: string): boolean {
  return name === MESSAGE_FILE || name === META_FILE || channelOfFile(name) !== undefined;
}

/** The file names brandlint reads, for messages. */
export function lintableNames(): string {
  return [MESSAGE_FILE, META_FILE, ...CHANNEL_FILE_NAMES].join(", ") + " (each channel file also as .hbs), and " + CONFIG_NAME;
}

/** A path problem: the run cannot happen as asked (exit 2). */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PathError";
  }
}

/** Folders never searched for campaigns: dependencies, git's own, build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", ".git", "dist", "out"]);
const MAX_DEPTH = 12;

interface Walk {
  host: Host;
  /** Real paths of folders already walked (symlink loops, the same folder named twice). */
  seen: Set<string>;
  /** Stop at folders holding their own brand.config.json (another project). */
  stopAtConfigs?: boolean;
}

/** Adds the campaign folders at or below `dir`; returns how many it found (including ones already known). */
function collect(w: Walk, dir: string, out: Set<string>, depth: number): number {
  if (depth > MAX_DEPTH) return 0;
  const abs = path.resolve(dir);
  const real = w.host.realpath(abs) ?? abs;
  if (w.seen.has(real)) return out.has(abs) ? 1 : 0;
  w.seen.add(real);
  const entries = w.host.list(abs);
  if (!entries) return 0;
  if (depth > 0 && w.stopAtConfigs && entries.some((e) => e.name === CONFIG_NAME)) return 0;
  let found = 0;
  if (entries.some((e) => isCampaignFile(e.name))) {
    out.add(abs);
    found++;
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || SKIPPED_FOLDERS.has(e.name)) continue;
    const child = path.join(abs, e.name);
    const kind = e.kind === "symlink" ? w.host.stat(child)?.kind : e.kind;
    if (kind === "dir") found += collect(w, child, out, depth + 1);
  }
  return found;
}

/** Every campaign folder of the project whose config lives in `root` (nested projects excluded), sorted. */
export function projectCampaigns(root: string, host: Host): string[] {
  const out = new Set<string>();
  collect({ host, seen: new Set(), stopAtConfigs: true }, root, out, 0);
  return [...out].sort();
}

/** Returns the campaign folders the paths name, sorted. */
export function discoverCampaigns(paths: readonly string[], cwd: string, host: Host): string[] {
  const out = new Set<string>();
  const w: Walk = { host, seen: new Set() };
  const list = paths.length ? paths : ["templates"];
  const notLintable = (p: string) =>
    new PathError(`${p} is not a file brandlint lints; it reads ${lintableNames()} — name a campaign folder or one of those files`);
  for (const p of list) {
    const abs = path.resolve(cwd, p);
    const st = host.stat(abs);
    if (st) {
      if (st.kind === "dir") {
        if (collect(w, abs, out, 0) === 0 && paths.length) throw new PathError(`no campaigns found in ${p} (a campaign folder holds message.md, campaign.json or channel files such as sms.txt)`);
      } else if (path.basename(abs) === CONFIG_NAME) {
        // The config changed: every campaign it governs (the templates/ beside it).
        const templates = path.join(path.dirname(abs), "templates");
        if (host.stat(templates)?.kind === "dir") collect(w, templates, out, 0);
      } else if (isCampaignFile(path.basename(abs))) out.add(path.dirname(abs));
      else throw notLintable(p);
      continue;
    }
    if (isGlob(p)) {
      const matches = globHost(host, p, cwd);
      if (matches.length === 0) throw new PathError(`no files match the pattern "${p}"`);
      let found = 0;
      const others: string[] = [];
      for (const m of matches) {
        const kind = host.stat(m)?.kind;
        if (kind === "dir") found += collect(w, m, out, 0);
        else if (kind === "file" && isCampaignFile(path.basename(m))) {
          out.add(path.dirname(m));
          found++;
        } else if (kind === "file") others.push(path.relative(cwd, m) || m);
      }
      // A pattern that matched files, none of which brandlint can lint, must not pass silently.
      if (!found && others.length) throw notLintable(others.slice(0, 3).join(", ") + (others.length > 3 ? ` and ${others.length - 3} more` : ""));
      continue;
    }
    throw new PathError(paths.length ? `no such file or folder: ${p}` : `no templates/ folder in ${cwd}; pass the paths to lint`);
  }
  return [...out].sort();
}
