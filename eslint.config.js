// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "preview/**", "out/**", "bench/.work/**", ".scratch/**", "test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", performance: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  {
    // Layers (ARCHITECTURE.md): only the Host reads the file system. The CLI, the fix
    // writer and the preview gallery write their outputs; nothing else imports fs.
    files: ["src/**/*.ts", "rules/**/*.ts"],
    ignores: ["src/host/**", "src/cli/**", "src/fix/**", "src/preview/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["node:fs", "fs", "node:fs/promises", "fs/promises"].map((name) => ({
            name,
            message: "Read files through the Host (src/host): config, campaigns, includes and custom rules are read only there, so linting works on unsaved buffers and in memory.",
          })),
        },
      ],
    },
  },
  {
    // The engine and the rules never print, exit or spawn (ESLint's Linter rule).
    files: ["src/engine/**/*.ts", "rules/**/*.ts", "src/render/**/*.ts", "src/text/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["node:fs", "fs", "node:fs/promises", "fs/promises", "node:child_process", "child_process"].map((name) => ({ name, message: "The engine, renderers, text layer and rules touch no file system and spawn nothing: go through the Host." })),
          patterns: [{ group: ["../cli/*", "../../src/cli/*", "../lint.js", "../../src/lint.js"], message: "Lower layers never import the CLI or the lint driver." }],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "The engine, renderers and rules never read the environment, print or exit." }],
    },
  },
  {
    // A rule imports helpers from src/, never from another rule (ESLint's own rule folder works the same way).
    files: ["rules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["node:fs", "fs", "node:fs/promises", "fs/promises", "node:child_process", "child_process"].map((name) => ({ name, message: "Rules touch no file system and spawn nothing." })),
          patterns: [{ group: ["./*", "../rules/*"], message: "Rules import shared helpers from src/, never from another rule." }],
        },
      ],
    },
  },
  {
    // CommonJS helpers loaded with `node --require` in tests, and bin/ (bin/package.json).
    files: ["**/*.cjs", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
