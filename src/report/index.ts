import type { FailureFormatter, Formatter, PieceFormatter, StreamFormatter } from "./types.js";
import { stylish, stylishPieces, stylishStream } from "./stylish.js";
import { json, jsonPieces, jsonStream } from "./json.js";
import { unix, unixFailure, unixPieces, unixStream } from "./unix.js";
import { github, githubFailure, githubPieces, githubStream } from "./github.js";
import { sarif, sarifFailure, sarifPieces, sarifStream } from "./sarif.js";

export const FORMATTERS: Record<string, Formatter> = { stylish, json, unix, github, sarif };
/** The same formats in pieces (the CLI writes each piece as it comes). */
export const FORMAT_PIECES: Record<string, PieceFormatter> = { stylish: stylishPieces, json: jsonPieces, unix: unixPieces, github: githubPieces, sarif: sarifPieces };
/**
 * The same formats written while the run goes on (the CLI): each file's result is turned into
 * what its format needs as soon as it is final, and written once every file before it is.
 * Every format but SARIF writes it then; SARIF's head lists the rules every result names, so
 * its log is written at the end.
 */
export const FORMAT_STREAMS: Record<string, StreamFormatter> = { stylish: stylishStream, json: jsonStream, unix: unixStream, github: githubStream, sarif: sarifStream };
/**
 * How each format shows a run that could not happen (exit 2), for the tools that read it:
 * GitHub annotations, the SARIF upload, the editor's problem matcher. Formats without one
 * leave it to the plain message on stderr.
 */
export const FAILURE_FORMATTERS: Partial<Record<string, FailureFormatter>> = { unix: unixFailure, github: githubFailure, sarif: sarifFailure };
export type { Formatter, FormatContext, FormatStream, PieceFormatter, StreamFormatter, RuleInfo, RunProblem, FailureFormatter } from "./types.js";
