#!/usr/bin/env node
// Validates the built-in language files (lang/*.json) and writes dist/language-data.json:
// their digest and what reading them needs from Intl (month and weekday names, phrase
// words, digits; src/text/intl-knowledge.ts), for the ICU this Node has. A run with the
// same files and ICU uses it instead of validating the files and asking Intl again;
// otherwise it computes everything as before (src/config/languages.ts).
import { renameSync, writeFileSync } from "node:fs";
import { LANGUAGE_DATA_FILE, makeLanguageData } from "../dist/src/config/languages.js";

const tmp = `${LANGUAGE_DATA_FILE}.${process.pid}.tmp`;
writeFileSync(tmp, JSON.stringify(makeLanguageData()));
renameSync(tmp, LANGUAGE_DATA_FILE);
