/** Reads one campaign folder: its files, its metadata, its hand-written templates. */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BrandConfig, Channel } from "../types.js";
import { readSource } from "./files.js";
import { channelOfFile, MESSAGE_FILE, META_FILE } from "./discover.js";
import { findFrontmatter, jsonMeta, validateMeta, yamlMeta } from "./meta.js";
import type { Campaign, CampaignProblem, MetaSource } from "./model.js";

export function loadCampaign(dir: string, config: BrandConfig): Campaign {
  const folder = path.basename(dir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
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
    const r = readSource(path.join(dir, name));
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
        const r = yamlMeta(file, fm);
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
  for (const name of names) {
    const channel = channelOfFile(name);
    if (!channel) continue;
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
    const hand = Object.keys(campaign.handwritten) as Channel[];
    const listed = metaSource?.has(["channels"]);
    meta.channels = listed ? meta.channels.filter((c) => hand.includes(c)) : hand;
  } else {
    for (const c of Object.keys(campaign.handwritten) as Channel[]) if (!meta.channels.includes(c)) meta.channels.push(c);
  }
  campaign.meta = meta;
  campaign.metaSource = metaSource;
  campaign.id = meta.campaign;
  return campaign;
}
