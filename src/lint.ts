/**
 * The programmatic API's main entry: files → campaigns → variants → findings.
 * It reads files and (with `fix`) writes them; it never prints or exits.
 */
import path from "node:path";
import { discoverCampaigns } from "./campaign/discover.js";
import { loadCampaign } from "./campaign/load.js";
import type { Campaign } from "./campaign/model.js";
import { loadConfig, type LoadedConfig } from "./config/load.js";
import { SettingsResolver } from "./config/settings.js";
import { runRules, toResults, type FileResult, type RawFinding } from "./engine/linter.js";
import type { Rule } from "./engine/rule.js";
import { applyFixes } from "./fix/apply.js";
import { writeAtomic, FileChangedError } from "./fix/write.js";
import { renderCampaign } from "./render/variants.js";
import { loadRules } from "./rules-index.js";
import type { Channel } from "./types.js";

export interface LintOptions {
  /** Working directory (default process.cwd()). */
  cwd?: string;
  /** Files, folders or globs (default: templates/). */
  paths?: string[];
  /** Config file (default: brand.config.json found upward from cwd). */
  configPath?: string;
  /** An already loaded config (skips loading). */
  config?: LoadedConfig;
  /** Only this channel's variants. */
  channel?: Channel;
  /** Apply fixes and re-lint (writes files). */
  fix?: boolean;
  /** Run only these rules. */
  only?: string[];
}

export interface LintReport {
  results: FileResult[];
  config: LoadedConfig;
  rules: readonly Rule<never>[];
  campaigns: Campaign[];
  /** Files written by --fix, with the number of fixes applied. */
  fixed: { file: string; fixes: number }[];
  /** Problems writing fixes (a file changed meanwhile, a concurrent run). */
  fixErrors: string[];
}

/** Loads and renders campaign folders. */
export function loadCampaigns(dirs: readonly string[], config: LoadedConfig): Campaign[] {
  return dirs.map((dir) => {
    const c = loadCampaign(dir, config.data);
    c.variants = renderCampaign(c, config);
    return c;
  });
}

function lintDirs(dirs: readonly string[], config: LoadedConfig, rules: readonly Rule<never>[], opts: LintOptions): { campaigns: Campaign[]; findings: RawFinding[] } {
  const campaigns = loadCampaigns(dirs, config);
  const findings = runRules({ campaigns, rules, settings: new SettingsResolver(config), channel: opts.channel, only: opts.only });
  return { campaigns, findings };
}

export async function lint(opts: LintOptions = {}): Promise<LintReport> {
  const cwd = opts.cwd ?? process.cwd();
  const rules = await loadRules();
  const config = opts.config ?? loadConfig({ cwd, configPath: opts.configPath, rules: rules.map((r) => r.meta) });
  const dirs = discoverCampaigns(opts.paths ?? [], cwd);
  let { campaigns, findings } = lintDirs(dirs, config, rules, opts);
  const fixed = new Map<string, number>();
  const fixErrors: string[] = [];
  if (opts.fix) {
    for (let pass = 0; pass < 10; pass++) {
      const byFile = new Map<string, RawFinding[]>();
      for (const f of findings) if (f.fix) byFile.set(f.file.path, [...(byFile.get(f.file.path) ?? []), f]);
      // Never write a file that could not be parsed, nor the config.
      const unparsable = new Set(findings.filter((f) => f.ruleId === "parse-error").map((f) => f.file.path));
      const touched = new Set<string>();
      for (const [file, fs] of byFile) {
        if (unparsable.has(file) || file === config.file.path) continue;
        const src = fs[0]!.file;
        const { output, applied } = applyFixes(src.text, fs.map((f) => ({ range: [f.fix!.start, f.fix!.end], text: f.fix!.text })));
        if (!applied || output === src.text) continue;
        try {
          writeAtomic(file, output, src.bom, src.text);
          fixed.set(file, (fixed.get(file) ?? 0) + applied);
          touched.add(path.dirname(file));
        } catch (e) {
          fixErrors.push(e instanceof FileChangedError ? e.message : `${file}: could not write the fix (${(e as Error).message})`);
        }
      }
      if (!touched.size) break;
      ({ campaigns, findings } = lintDirs(dirs, config, rules, opts));
    }
  }
  const files = campaigns.flatMap((c) => c.files);
  return {
    results: toResults(files, findings),
    config,
    rules,
    campaigns,
    fixed: [...fixed].map(([file, fixes]) => ({ file, fixes })),
    fixErrors,
  };
}
