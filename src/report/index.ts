import type { Formatter } from "./types.js";
import { stylish } from "./stylish.js";
import { json } from "./json.js";
import { unix } from "./unix.js";
import { github } from "./github.js";
import { sarif } from "./sarif.js";

export const FORMATTERS: Record<string, Formatter> = { stylish, json, unix, github, sarif };
export type { Formatter, FormatContext, RuleInfo } from "./types.js";
