/**
 * The findings brandlint reports itself, not through a rule file: one registry with
 * their metadata, so SARIF (`tool.driver.rules`), the generated docs
 * (docs/rules/<id>.md and the index) and the README describe them from one source.
 */

export interface BuiltinFinding {
  id: string;
  description: string;
  rationale: string;
  /** Path of its docs page in the package, like a rule's `docs.url`. */
  docsUrl: string;
  defaultSeverity: "warn" | "error";
  /** Whether an inline brandlint-disable comment can hide it. */
  suppressible: boolean;
  /** Markdown for the docs page: when it is reported and what to do. */
  details: string;
}

const finding = (f: Omit<BuiltinFinding, "docsUrl">): BuiltinFinding => ({ ...f, docsUrl: `docs/rules/${f.id}.md` });

export const BUILTIN_FINDINGS: readonly BuiltinFinding[] = [
  finding({
    id: "parse-error",
    description: "A file that cannot be read or parsed (invalid JSON, YAML, MJML, Handlebars, encoding).",
    rationale: "A file brandlint cannot read is never a silent pass: the rules could not check it.",
    defaultSeverity: "error",
    suppressible: false,
    details:
      "Reported at the position the parser names: a frontmatter line that is not YAML, a `push.json` that is not a JSON object or has unknown keys, an unclosed Handlebars block, two templates for one channel (`sms.txt` and `sms.txt.hbs`), a file that is not UTF-8. Also a channel file that is empty (it would send an empty message), one that is not a regular file (a FIFO, socket or device: never opened), one larger than 2 MB, and a symbolic link to a file outside the project (never read). Fix the file; a suppression comment cannot hide it.",
  }),
  finding({
    id: "campaign-meta",
    description: "Campaign metadata (frontmatter or campaign.json) with unknown keys, wrong types, unknown offers, bad dates or locales.",
    rationale: "Rules that compare offers, send dates and audiences rely on the metadata; a typo there would silently switch them off.",
    defaultSeverity: "error",
    suppressible: true,
    details:
      "Reported at the key or value: an unknown key (with a “did you mean”), a value of the wrong type, an offer code the config does not list, a date that does not exist (`2026-02-30`), a locale that is not a BCP 47 tag. A warning when a campaign has both `message.md` and `campaign.json` (the frontmatter wins).",
  }),
  finding({
    id: "internal-error",
    description: "A rule crashed on a file; the other rules still ran.",
    rationale: "One broken rule must not hide every other finding, nor pass the file silently.",
    defaultSeverity: "error",
    suppressible: false,
    details: "The message names the rule and its error. The rest of the report is complete. Please report it with the file that triggers it; `BRANDLINT_DEBUG=1` prints the stack.",
  }),
  finding({
    id: "unused-suppression",
    description: "A brandlint-disable comment that suppresses nothing.",
    rationale: "A stale suppression would silently hide the next real finding on that line.",
    defaultSeverity: "warn",
    suppressible: false,
    details: "Reported on the comment. Remove it: nothing on its line (or range) is reported any more.",
  }),
  finding({
    id: "invalid-suppression",
    description: "A brandlint-disable comment that names an unknown rule or gives no reason; it suppresses nothing.",
    rationale: "Every suppression says why, so reviewers can judge it; a misspelt rule name would otherwise hide nothing while looking as if it did.",
    defaultSeverity: "error",
    suppressible: false,
    details: [
      "Reported on the comment, which then suppresses nothing (the findings it meant to hide are reported too):",
      "",
      "- `brandlint-disable-next-line tone-wrods -- legal wording`: an unknown rule, with a “did you mean”;",
      "- `brandlint-disable-next-line tone-words`: no reason. Add one after `--`:",
      "",
      "```markdown",
      "<!-- brandlint-disable-next-line tone-words -- the legal team's wording -->",
      "```",
    ].join("\n"),
  }),
  finding({
    id: "too-many-findings",
    description: "A file with more than 1,000 findings: the rest are counted in one finding where the limit was passed.",
    rationale: "A file broken in one repeated way would otherwise flood the report (and the editor) with the same finding thousands of times.",
    defaultSeverity: "error",
    suppressible: false,
    details: "Reported at the 1,001st finding, with how many more there are and which rule reports most of them. Fix the findings above it and run again. It is an error when any of the findings it counts is.",
  }),
];

export const BUILTIN_FINDING_IDS: readonly string[] = BUILTIN_FINDINGS.map((f) => f.id);

/** Built-in findings that an inline suppression can never hide. */
export const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(BUILTIN_FINDINGS.filter((f) => !f.suppressible).map((f) => f.id));
