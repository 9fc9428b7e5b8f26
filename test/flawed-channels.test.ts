/**
 * The bundled example shows what brandlint knows about each platform's own counting:
 * templates/zz-flawed-channels has one finding of each (fatigue cap, SMS letters
 * policy, WhatsApp template, X's weighted length), with the repository's own config.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { lint } from "../src/lint.js";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

it("templates/zz-flawed-channels shows one finding of each channel rule, at its line", async () => {
  const report = await lint({ cwd: ROOT, paths: [path.join(ROOT, "templates")] });
  const file = report.results.find((r) => path.relative(ROOT, r.file.path).split(path.sep).join("/") === "templates/zz-flawed-channels/message.md");
  const found = (file?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`);
  expect(found).toEqual(["6:7 send-fatigue 2", "7:76 sms-length 1", "9:10 whatsapp-template 2", "15:165 channel-limits 2"]);
  const messages = file!.messages.map((m) => m.message);
  expect(messages[0]).toContain("fatigue.caps[0] allows 1 SMS a week");
  expect(messages[1]).toContain("Polish keeps its letters");
  expect(messages[2]).toContain("The WhatsApp body starts with {{firstName}}");
  expect(messages[3]).toContain("X post weighs 343");
}, 120_000);
