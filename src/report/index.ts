import type { FailureFormatter, Formatter, PieceFormatter } from "./types.js";
import { stylish, stylishPieces } from "./stylish.js";
import { json, jsonPieces } from "./json.js";
import { unix, unixFailure, unixPieces } from "./unix.js";
import { github, githubFailure, githubPieces } from "./github.js";
import { sarif, sarifFailure, sarifPieces } from "./sarif.js";

export const FORMATTERS: Record<string, Formatter> = { stylish, json, unix, github, sarif };
/** The same formats in pieces (the CLI writes each piece as it comes). */
export const FORMAT_PIECES: Record<string, PieceFormatter> = { stylish: stylishPieces, json: jsonPieces, unix: unixPieces, github: githubPieces, sarif: sarifPieces };
/**
 * How each format shows a run that could not happen (exit 2), for the tools that read it:
 * GitHub annotations, the SARIF upload, the editor's problem matcher. Formats without one
 * leave it to the plain message on stderr.
 */
export const FAILURE_FORMATTERS: Partial<Record<string, FailureFormatter>> = { unix: unixFailure, github: githubFailure, sarif: sarifFailure };
export type { Formatter, FormatContext, PieceFormatter, RuleInfo, RunProblem, FailureFormatter } from "./types.js";
