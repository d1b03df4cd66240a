import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "artifacts/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    // Every word a user reads comes from messages/<locale>.json (next-intl): a literal in JSX text, in a JSX
    // attribute a person reads (aria-label, title, placeholder, alt…) or in an expression rendered in JSX fails lint.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            exclude: [
              "className",
              "style",
              "type",
              "key",
              "id",
              "width",
              "height",
              "href",
              "htmlFor",
              "name",
              "role",
              "method",
              "rel",
              "target",
              "lang",
              "autoComplete",
              "inputMode",
              "spellCheck",
              "src",
              "viewBox",
              "d",
              "fill",
              "stroke",
              "position",
              "variant",
              "mode",
              "pattern",
              "accept",
              "scope",
              "dateTime",
              "form",
              "encType",
              "data-.*",
              "aria-hidden",
              "aria-live",
              "aria-current",
              "aria-describedby",
              "aria-labelledby",
              "aria-controls",
              "aria-sort",
              "aria-expanded",
              "aria-haspopup",
              "testId",
              "arrangement",
            ],
          },
          // next-intl's own calls take keys and formats, not words.
          callees: {
            exclude: [
              "t",
              "t\\.(rich|markup|raw|has)",
              "\\w+\\.(rich|markup|raw|has)",
              "format\\.\\w+",
              "useTranslations",
              "getTranslations",
              "require",
              "addEventListener",
              "removeEventListener",
              "includes",
              "startsWith",
              "endsWith",
            ],
          },
          // Brand and AWS identifiers are not words to translate.
          words: { exclude: ["[0-9!-/:-@[-`{-~]+", "[A-Z_-]+", "Gatehouse", "^\\s*[·—…→×]\\s*$"] },
        },
      ],
    },
  },
];

export default config;
