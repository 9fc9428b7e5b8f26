/**
 * `brandlint init`: scaffolds a project that lints clean on its first run — a brand
 * config, one example campaign, and the configs for pre-commit, lint-staged and
 * VS Code. `brandlint init --hook` installs a plain git pre-commit hook instead.
 * Never overwrites a file.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHANNEL_FILE_NAMES, MESSAGE_FILE, META_FILE } from "../campaign/discover.js";
import { GitError, hooksDir } from "../git.js";
import { CONFIG_FILE } from "../config/load.js";
import { UsageError, type Io } from "./main.js";

const HELP = `Usage: brandlint init [--hook]

Without options, writes into the current folder (never over an existing file):
  brand.config.json                 an example brand: palette, fonts, tone, an offer, channel limits
  templates/welcome/message.md      an example campaign that lints clean
  .pre-commit-config.yaml           the pre-commit framework's hook (the brandlint installed here)
  .lintstagedrc.json                lint-staged (with husky) on the staged campaign files
  .vscode/tasks.json                VS Code tasks: lint into the Problems panel, render the current file
  .gitignore                        adds .brandlintcache, preview/ and out/ (created, or the missing
                                    lines appended)

--hook   install a plain git pre-commit hook (.git/hooks/pre-commit, or .husky/pre-commit
         with husky) that lints the campaigns each commit touches; it refuses to
         replace an existing hook. The hook runs node_modules/.bin/brandlint; set
         BRANDLINT to run another command (BRANDLINT="node path/to/brandlint.js").
`;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const channelFiles = CHANNEL_FILE_NAMES;

/**
 * An extended regular expression (POSIX ERE, JavaScript and Python alike) for the
 * paths of campaign files — the names `isCampaignFile` accepts.
 */
export const CAMPAIGN_FILE_REGEX = `(^|/)(${esc(MESSAGE_FILE)}|${esc(META_FILE)}|(${channelFiles.map(esc).join("|")})(\\.hbs)?)$`;

/** The same, and brand.config.json: the files a pre-commit framework hook runs on. */
export const CAMPAIGN_OR_CONFIG_REGEX = `(^|/)(${esc(CONFIG_FILE)}|${esc(MESSAGE_FILE)}|${esc(META_FILE)}|(${channelFiles.map(esc).join("|")})(\\.hbs)?)$`;

/** The git pre-commit hook `init --hook` installs. */
export const PRE_COMMIT_HOOK = `#!/bin/sh
# brandlint pre-commit hook, installed by \`brandlint init --hook\`.
#
# Lints every campaign this commit touches: the whole folder of each staged
# campaign file, so cross-channel rules see every variant; and every campaign
# when brand.config.json is staged. Files are linted as they are in the working
# tree. Skip the hook once with \`git commit --no-verify\`.
#
# It runs the brandlint installed in this repository (node_modules/.bin/brandlint,
# brandlint in devDependencies), never one fetched from a registry. Set BRANDLINT to
# run another command, e.g. BRANDLINT="node ./bin/brandlint.js".

brandlint() {
  if [ -n "\${BRANDLINT:-}" ]; then
    # BRANDLINT is a command line: split on spaces on purpose.
    # shellcheck disable=SC2086
    exec $BRANDLINT "$@"
  fi
  if [ ! -x node_modules/.bin/brandlint ]; then
    echo "brandlint is not installed in $(pwd) (no node_modules/.bin/brandlint): install it, or set BRANDLINT" >&2
    exit 1
  fi
  exec node_modules/.bin/brandlint "$@"
}

campaign_file='${CAMPAIGN_FILE_REGEX}'
staged=$(git diff --cached --name-only -z --diff-filter=ACMRD | tr '\\000' '\\n')
[ -n "$staged" ] || exit 0

if printf '%s\\n' "$staged" | grep -Eq '(^|/)brand\\.config\\.json$'; then
  brandlint
fi

files=$(printf '%s\\n' "$staged" | grep -E "$campaign_file")
[ -n "$files" ] || exit 0

# Each staged campaign file; for a deleted one, a file of the campaign it left.
set --
while IFS= read -r file; do
  dir=$(dirname "$file")
  if [ -f "$file" ]; then
    set -- "$@" "$file"
  elif [ -d "$dir" ]; then
    other=$(ls "$dir" | grep -E "$campaign_file" | head -n 1)
    if [ -n "$other" ]; then set -- "$@" "$dir/$other"; fi
  fi
done <<EOF
$files
EOF
[ $# -gt 0 ] || exit 0
brandlint "$@"
`;

/**
 * The brandlint installed in the workspace. Tasks run it by path, never through npx: in a
 * folder without brandlint installed, npx asks the registry for whatever package holds
 * that name.
 */
const INSTALLED_BIN = "${workspaceFolder}/node_modules/.bin/brandlint";
const INSTALLED_BIN_WINDOWS = "${workspaceFolder}\\node_modules\\.bin\\brandlint.cmd";

/** The VS Code tasks `init` writes (and this repository ships as .vscode/tasks.json). */
export const VSCODE_TASKS = {
  version: "2.0.0",
  tasks: [
    {
      label: "brandlint: lint workspace",
      detail: "Lint every campaign; findings go to the Problems panel",
      type: "shell",
      command: INSTALLED_BIN,
      windows: { command: INSTALLED_BIN_WINDOWS },
      args: ["--format", "unix"],
      options: { cwd: "${workspaceFolder}" },
      group: "test",
      presentation: { reveal: "silent", clear: true },
      problemMatcher: {
        owner: "brandlint",
        source: "brandlint",
        fileLocation: ["relative", "${workspaceFolder}"],
        pattern: {
          regexp: "^(.+?):(\\d+):(\\d+): (error|warning): (.*) \\[([^\\]\\s]+)\\]$",
          file: 1,
          line: 2,
          column: 3,
          severity: 4,
          message: 5,
          code: 6,
        },
      },
    },
    {
      label: "brandlint: render current file",
      detail: "Write the channel variants of the open campaign to out/",
      type: "shell",
      command: INSTALLED_BIN,
      windows: { command: INSTALLED_BIN_WINDOWS },
      args: ["render", "${file}", "--out", "${workspaceFolder}/out"],
      options: { cwd: "${workspaceFolder}" },
      presentation: { reveal: "always", clear: true },
      problemMatcher: [],
    },
  ],
};

const BRAND_CONFIG = `{
  "$schema": "./node_modules/brandlint/schema/brand.config.schema.json",
  "brand": {
    "name": "Acme",
    "address": "Acme Inc., 1 Main Street, Springfield, IL 62701, USA",
    "domains": ["acme.example"],
    "unsubscribeUrl": "https://acme.example/unsubscribe/{{userId}}"
  },
  "colors": {
    "primary": "#0B5FFF",
    "ink": "#1A1A1A",
    "paper": "#FFFFFF"
  },
  "fonts": ["Inter", "Helvetica", "Arial", "sans-serif"],
  "tone": {
    "banned": [
      { "term": "cheap*", "suggest": "affordable", "message": "Acme never calls its products cheap" },
      { "term": "act now", "suggest": "take a look", "message": "we invite, we don't pressure" }
    ],
    "terms": [
      { "use": "email", "instead": ["e-mail"] },
      { "use": "sign in", "instead": ["login", "log-in"] },
      { "use": "Acme", "instead": ["ACME"], "caseSensitive": true, "message": "the brand name is written Acme" }
    ]
  },
  "offers": [
    { "code": "WELCOME10", "discount": "10%", "description": "New customers: 10% off the first order" }
  ],
  "channels": {
    "sms": { "maxSegments": 2, "requireOptOut": true, "optOut": "Reply STOP to opt out", "linkLength": 23 },
    "push": { "titleMax": 40, "bodyMax": 120 },
    "email": { "subjectMax": 60, "preheaderMax": 110, "requireUnsubscribe": true },
    "whatsapp": { "bodyMax": 1024 },
    "social": { "max": 280 }
  },
  "variables": {
    "firstName": { "sample": "Ana", "maxLength": 20, "charset": "gsm", "fallback": "there" },
    "userId": { "sample": "u-12345", "maxLength": 12 }
  }
}
`;

const WELCOME = `---
campaign: welcome
locale: en
offer: WELCOME10
channels: [email, sms, push, whatsapp, social]
audience: new-customers
subject: "Welcome to Acme, {{firstName}}"
preheader: "Your welcome code for 10% off is inside"
push: { title: "Welcome to Acme" }
sms: { text: "Acme: welcome! Take 10% off your first order with code WELCOME10 {{link}}" }
---
# Welcome to Acme, {{firstName}}

Thanks for joining us. Take **10% off** your first order with code **WELCOME10**.

[Start shopping](https://acme.example/new)
`;

/**
 * The pre-commit framework's config: a local hook running the brandlint installed in
 * this repository (the version package.json pins). docs/integrations.md shows the form
 * where pre-commit installs brandlint itself from a clone, by commit.
 */
export const PRE_COMMIT_CONFIG = `# pre-commit (https://pre-commit.com) runs brandlint on the campaigns a commit touches,
# with the brandlint installed in this repository. Set it up once with: pre-commit install
repos:
  - repo: local
    hooks:
      - id: brandlint
        name: brandlint
        entry: node_modules/.bin/brandlint
        language: system
        files: ${CAMPAIGN_OR_CONFIG_REGEX}
        require_serial: true
`;

/** lint-staged: a glob without "/" matches file names in any folder. */
export const LINT_STAGED = {
  [`{${[MESSAGE_FILE, META_FILE, ...channelFiles.flatMap((f) => [f, `${f}.hbs`])].join(",")}}`]: "brandlint",
};

const SCAFFOLD: { file: string; text: string }[] = [
  { file: "brand.config.json", text: BRAND_CONFIG },
  { file: "templates/welcome/message.md", text: WELCOME },
  { file: ".pre-commit-config.yaml", text: PRE_COMMIT_CONFIG },
  { file: ".lintstagedrc.json", text: JSON.stringify(LINT_STAGED, null, 2) + "\n" },
  { file: ".vscode/tasks.json", text: JSON.stringify(VSCODE_TASKS, null, 2) + "\n" },
];

/** What brandlint writes that does not belong in git: the cache, and the preview and render output. */
export const GITIGNORE_ENTRIES = [".brandlintcache", "preview/", "out/"];

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Adds the entries .gitignore lacks (creating it when there is none); returns those added.
 * Existing lines are kept as they are: only lines are appended.
 */
function addGitignore(dir: string): string[] {
  const file = path.join(dir, ".gitignore");
  const text = readOptional(file) ?? "";
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/^\//, "")));
  const missing = GITIGNORE_ENTRIES.filter((e) => !have.has(e) && !have.has(e.replace(/\/$/, "")));
  if (!missing.length) return [];
  const block = `${text && !text.endsWith("\n") ? "\n" : ""}${text ? "\n" : ""}# brandlint: cache, preview and render output\n${missing.join("\n")}\n`;
  writeFileSync(file, text + block);
  return missing;
}

/** Writes `text` to a new file; false when the file exists (never replaced, even in a race). */
function writeNew(file: string, text: string, mode?: number): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: "wx", mode });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { hook: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: false, strict: true });
  } catch (e) {
    const unknown = /Unknown option '([^']+)'/.exec((e as Error).message);
    if (unknown) throw new UsageError(`init: unknown option ${unknown[1]} (see brandlint init --help)`);
    const positional = /Unexpected argument '([^']+)'/.exec((e as Error).message);
    if (positional) throw new UsageError(`init writes into the current folder and takes no paths (got "${positional[1]}"); cd into the folder first`);
    throw new UsageError(`init: ${(e as Error).message.split("\n")[0]}`);
  }
}

function installHook(io: Io): number {
  let dir: string;
  try {
    dir = hooksDir(io.cwd);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`init --hook: ${e.message}`);
    throw e;
  }
  // husky (v9) points core.hooksPath at .husky/_, its generated stubs, which run the
  // project's own hooks from .husky/: that is where a hook belongs.
  const husky = path.basename(dir) === "_" && path.basename(path.dirname(dir)) === ".husky";
  const hook = path.join(husky ? path.dirname(dir) : dir, "pre-commit");
  const shown = path.relative(io.cwd, hook) || hook;
  if (writeNew(hook, PRE_COMMIT_HOOK, 0o755)) {
    io.stdout(`wrote ${shown}: each commit lints the campaigns it touches (node_modules/.bin/brandlint)\n`);
    return 0;
  }
  let existing = "";
  try {
    existing = readFileSync(hook, "utf8");
  } catch {
    // Unreadable: treat it as someone else's hook.
  }
  if (existing === PRE_COMMIT_HOOK) {
    io.stdout(`the brandlint pre-commit hook is already installed at ${shown}\n`);
    return 0;
  }
  io.stderr(
    `brandlint: ${shown} already exists, and brandlint will not replace it.\n` +
      `To call brandlint from that hook, see "A hook you already have" in docs/integrations.md;\n` +
      `or use the pre-commit framework, or husky + lint-staged, described there too.\n`,
  );
  return 2;
}

/** `brandlint init [--hook]`; returns the exit code. */
export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.hook) return installHook(io);

  // A config init wrote itself (a second run) is the example brand: its campaign fits it.
  const ownConfig = readOptional(path.join(io.cwd, CONFIG_FILE));
  const hadConfig = ownConfig !== undefined && ownConfig !== BRAND_CONFIG;
  const written: string[] = [];
  for (const { file, text } of SCAFFOLD) {
    if (hadConfig && file.startsWith("templates/")) {
      io.stderr(`skipped ${file}: it is written for the example brand, and this folder already has its own brand.config.json\n`);
      continue;
    }
    if (writeNew(path.join(io.cwd, file), text)) written.push(file);
    else io.stderr(`skipped ${file}: it already exists (init never overwrites)\n`);
  }
  const ignored = addGitignore(io.cwd);
  if (ignored.length) written.push(`.gitignore (${ignored.join(", ")})`);
  if (!written.length) {
    io.stderr("brandlint init: nothing to do, every file is already there\n");
    return 0;
  }
  io.stdout(written.map((f) => `wrote ${f}\n`).join(""));
  io.stdout(
    `\nNext:\n` +
      `  install brandlint as a dev dependency, if it is not yet (docs/integrations.md, "Install")\n` +
      `  node_modules/.bin/brandlint             lint templates/\n` +
      `  node_modules/.bin/brandlint init --hook lint the touched campaigns on every git commit\n`,
  );
  return 0;
}
