/** Where brandlint's own files are (see host/package.ts). */
export { packageRoot, packageVersion, schemaPath } from "./host/package.js";
