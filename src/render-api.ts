/** `render`: one campaign's variants as the files customers' channels receive. */
import path from "node:path";
import { loadCampaign } from "./campaign/load.js";
import type { Campaign } from "./campaign/model.js";
import { PathError } from "./campaign/discover.js";
import { diskHost, type LoadedConfig } from "./config/load.js";
import type { Host } from "./host/index.js";
import { EmailRenderError, variantFiles, type RenderedFile } from "./render/output.js";
import type { TemplateData } from "./render/template.js";
import { renderCampaign } from "./render/variants.js";
import { loadProject } from "./setup.js";
import { charEnd } from "./text/code-points.js";
import type { Channel } from "./types.js";

export interface RenderOptions {
  cwd?: string;
  configPath?: string;
  config?: LoadedConfig;
  /** Read through this host (default: the config's, else the disk). */
  host?: Host;
  /** Only this channel. */
  channel?: Channel;
  /** Real variable values instead of samples. */
  data?: TemplateData;
}

export interface RenderResult {
  campaign: Campaign;
  files: RenderedFile[];
  /** Files that could not be rendered (each has a problem in `campaign.problems`). */
  unrendered: string[];
}

/** Renders the campaign of a message.md (or a campaign folder) into its channel files. */
export async function render(target: string, options: RenderOptions = {}): Promise<RenderResult> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? options.config?.host ?? diskHost();
  const abs = path.resolve(cwd, target);
  const kind = host.stat(abs)?.kind;
  if (!kind) throw new PathError(`no such file or folder: ${target}`);
  const dir = kind === "dir" ? abs : path.dirname(abs);
  const config = options.config ?? (await loadProject({ cwd, configPath: options.configPath, host })).config;
  const campaign = loadCampaign(dir, config.data, host, { root: config.dir });
  campaign.variants = renderCampaign(campaign, config, { data: options.data });
  if (options.channel && !campaign.variants.some((v) => v.channel === options.channel))
    throw new PathError(`campaign ${campaign.id} has no ${options.channel} variant (its channels: ${campaign.meta.channels.join(", ") || "none"})`);
  const files: RenderedFile[] = [];
  const unrendered: string[] = [];
  for (const v of campaign.variants) {
    if (options.channel && v.channel !== options.channel) continue;
    try {
      files.push(...(await variantFiles(v)));
    } catch (e) {
      if (!(e instanceof EmailRenderError)) throw e;
      // Like lint: a finding on the file (the email template, or message.md's body), and the other channels go on.
      files.push(...e.files);
      unrendered.push("email.html");
      const start = v.origin === "handwritten" ? 0 : campaign.bodyStart;
      campaign.problems.push({ ruleId: "parse-error", severity: 2, message: e.message, file: v.file, start, end: charEnd(v.file.text, start) });
    }
  }
  return { campaign, files, unrendered };
}
