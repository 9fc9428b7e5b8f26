/** Reads one campaign folder through the Host: its files, its metadata, its hand-written templates. */
import path from "node:path";
import type { Host } from "../host/index.js";
import type { BrandConfig, Channel } from "../types.js";
import { readSource } from "./files.js";
import { channelOfFile, MESSAGE_FILE, META_FILE } from "./discover.js";
import { findFrontmatter, jsonMeta, validateMeta, yamlMeta } from "./meta.js";
import type { Campaign, CampaignProblem, MetaSource } from "./model.js";

const LABELS: Record<Channel, string> = { email: "email", sms: "SMS", push: "push notification", whatsapp: "WhatsApp message", social: "social post" };
function channelLabel(c: Channel): string {
  return LABELS[c];
}

export interface LoadCampaignOptions {
  /** The project root: files whose real path leaves it are refused. */
  root?: string;
  /**
   * Only the metadata (frontmatter or campaign.json) and the names of the channel
   * files: what the project index needs of a campaign that is not being linted.
   */
  metaOnly?: boolean;
}

export function loadCampaign(dir: string, config: BrandConfig, host: Host, options: LoadCampaignOptions = {}): Campaign {
  const folder = path.basename(dir);
  const names = (host.list(dir) ?? []).map((e) => e.name).sort();
  const campaign: Campaign = {
    id: folder,
    dir,
    files: [],
    bodyStart: 0,
    meta: { campaign: folder, locale: "en", channels: [] },
    handwritten: {},
    variants: [],
    problems: [],
  };
  const problems: CampaignProblem[] = campaign.problems;
  let metaValue: unknown;
  let metaSource: MetaSource | undefined;

  const read = (name: string) => {
    const r = readSource(host, path.join(dir, name), options.root);
    campaign.files.push(r.file);
    if (r.error) problems.push({ ruleId: "parse-error", severity: 2, message: `${name} ${r.error}`, file: r.file, start: r.file.text.length, end: r.file.text.length });
    return r.error ? undefined : r.file;
  };

  if (names.includes(MESSAGE_FILE)) {
    const file = read(MESSAGE_FILE);
    if (file) {
      campaign.messageFile = file;
      const fm = findFrontmatter(file.text);
      if (fm) {
        campaign.bodyStart = fm.bodyStart;
        const r = yamlMeta(file, fm, { lean: options.metaOnly });
        metaValue = r.value;
        metaSource = r.source;
        problems.push(...r.problems);
      }
    }
  }
  if (names.includes(META_FILE)) {
    const file = read(META_FILE);
    if (file && !campaign.messageFile) {
      const r = jsonMeta(file);
      metaValue = r.value;
      metaSource = r.source;
      problems.push(...r.problems);
    } else if (file) {
      problems.push({ ruleId: "campaign-meta", severity: 1, message: "campaign.json is ignored: this campaign has a message.md, whose frontmatter holds the metadata", file, start: 0, end: 0 });
    }
  }
  const handChannels = new Set<Channel>();
  for (const name of names) {
    const channel = channelOfFile(name);
    if (!channel) continue;
    handChannels.add(channel);
    if (options.metaOnly) continue;
    const file = read(name);
    if (!file) continue;
    const prev = campaign.handwritten[channel];
    if (prev) {
      problems.push({ ruleId: "parse-error", severity: 2, message: `two templates for ${channel}: ${path.basename(prev.path)} and ${name}; keep one`, file, start: 0, end: 0 });
      continue;
    }
    campaign.handwritten[channel] = file;
  }
  const { meta, problems: metaProblems } = validateMeta(metaValue, metaSource, config, folder);
  problems.push(...metaProblems);
  // Without message.md, the channels are the hand-written ones unless the metadata says otherwise.
  if (!campaign.messageFile) {
    const hand = options.metaOnly ? [...handChannels] : (Object.keys(campaign.handwritten) as Channel[]);
    const listed = metaSource?.has(["channels"]);
    meta.channels = listed ? meta.channels.filter((c) => hand.includes(c)) : hand;
  } else {
    for (const c of options.metaOnly ? handChannels : (Object.keys(campaign.handwritten) as Channel[])) if (!meta.channels.includes(c)) meta.channels.push(c);
  }
  // The id names output folders (render, preview): it may not be a path.
  if (/[/\\]|^\.\.?$|[\u0000-\u001f]/.test(meta.campaign)) {
    const at = metaSource?.has(["campaign"]) ? metaSource.locate(["campaign"]) : { start: 0, end: 0 };
    const file = metaSource?.file ?? campaign.files[0];
    if (file) problems.push({ ruleId: "campaign-meta", severity: 2, message: `campaign id "${meta.campaign}" must be a plain name (no "/", "\\", ".." or control characters): it names the folder brandlint writes this campaign's files to; using "${folder}"`, file, ...at });
    meta.campaign = folder;
  }
  // A hand-written channel file with nothing in it would send an empty message.
  for (const [channel, file] of Object.entries(campaign.handwritten) as [Channel, NonNullable<Campaign["handwritten"][Channel]>][])
    if (!file.text.trim()) problems.push({ ruleId: "parse-error", severity: 2, message: `${path.basename(file.path)} is empty: this campaign would send an empty ${channelLabel(channel)}`, file, start: 0, end: 0, channels: [channel] });
  campaign.meta = meta;
  campaign.metaSource = metaSource;
  campaign.id = meta.campaign;
  return campaign;
}
