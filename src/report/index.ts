import type { FailureFormatter, Formatter } from "./types.js";
import { stylish } from "./stylish.js";
import { json } from "./json.js";
import { unix, unixFailure } from "./unix.js";
import { github, githubFailure } from "./github.js";
import { sarif, sarifFailure } from "./sarif.js";

export const FORMATTERS: Record<string, Formatter> = { stylish, json, unix, github, sarif };
/**
 * How each format shows a run that could not happen (exit 2), for the tools that read it:
 * GitHub annotations, the SARIF upload, the editor's problem matcher. Formats without one
 * leave it to the plain message on stderr.
 */
export const FAILURE_FORMATTERS: Partial<Record<string, FailureFormatter>> = { unix: unixFailure, github: githubFailure, sarif: sarifFailure };
export type { Formatter, FormatContext, RuleInfo, RunProblem, FailureFormatter } from "./types.js";
