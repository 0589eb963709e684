// Lint rules: typescript-eslint's recommended type-aware set, React hooks basics, Prettier owns layout.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "dist/**",
      ".data/**",
      "server/db/generated/**",
      "test-results/**",
      "coverage/**",
      "public/_respondent/**",
      "next-env.d.ts",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["server/analysis/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Use the seeded RNG in server/analysis/rng.ts.",
        },
        { object: "Date", property: "now", message: "Analysis is pure: pass times in." },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "next", "next/*", "@prisma/*", "~/server/db/*"] },
      ],
    },
  },
  prettier,
);
