/** Effective rule settings and channel limits for a file: base config, then matching overrides in order. */
import path from "node:path";
import picomatch from "picomatch";
import type { ChannelSettings, RuleSetting, Severity } from "../types.js";
import { severityOf, type LoadedConfig } from "./load.js";

export interface ResolvedRule {
  severity: Severity;
  /** The options object from the config (before defaults). */
  options: Record<string, unknown> | undefined;
}

export interface FileSettings {
  rules: Map<string, ResolvedRule>;
  /** The config with overrides applied (channels merged). */
  config: LoadedConfig;
}

function mergeChannels(a: ChannelSettings | undefined, b: ChannelSettings | undefined): ChannelSettings | undefined {
  if (!b) return a;
  const out: Record<string, unknown> = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) out[k] = { ...((a as Record<string, object> | undefined)?.[k] ?? {}), ...v };
  return out as ChannelSettings;
}

function applyRules(target: Map<string, ResolvedRule>, settings: Record<string, RuleSetting> | undefined): void {
  for (const [id, s] of Object.entries(settings ?? {})) {
    const prev = target.get(id);
    const options = Array.isArray(s) && s.length > 1 ? (s[1] as Record<string, unknown>) : prev?.options;
    target.set(id, { severity: severityOf(s) ?? 2, options });
  }
}

/** Resolves settings per file, caching by path. */
export class SettingsResolver {
  private cache = new Map<string, FileSettings>();
  /** Files the same overrides apply to share one FileSettings (one per file grew with the repository: 13,000 at 10,000 campaigns). */
  private byOverrides = new Map<string, FileSettings>();
  private matchers: ((p: string) => boolean)[];

  constructor(readonly config: LoadedConfig) {
    this.matchers = (config.data.overrides ?? []).map((o) => picomatch(o.files, { dot: true }));
  }

  forFile(file: string): FileSettings {
    let s = this.cache.get(file);
    if (s) return s;
    const rel = path.relative(this.config.dir, file).split(path.sep).join("/");
    const rules = new Map<string, ResolvedRule>();
    applyRules(rules, this.config.data.rules);
    let channels = this.config.data.channels;
    let changed = false;
    const matched: number[] = [];
    (this.config.data.overrides ?? []).forEach((o, i) => {
      if (!this.matchers[i]!(rel)) return;
      matched.push(i);
      applyRules(rules, o.rules);
      if (o.channels) {
        channels = mergeChannels(channels, o.channels);
        changed = true;
      }
    });
    const config = changed ? { ...this.config, data: { ...this.config.data, channels } } : this.config;
    s = this.byOverrides.get(matched.join(",")) ?? { rules, config };
    this.byOverrides.set(matched.join(","), s);
    this.cache.set(file, s);
    return s;
  }
}
