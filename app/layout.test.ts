import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// The root layout's demo warning, rendered as the server renders it, for the configurations that start: demo sign-in
// on an external database (allowed explicitly) shows it on every page; the embedded database and OIDC do not.

vi.mock("next/server", () => ({ connection: async () => undefined }));
// Outside a Next.js request: the request's language is English, the words come from the real catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const { messagesFor } = await import("@/lib/i18n/catalogues");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace: "shell") =>
      createTranslator({ locale: "en", messages: messagesFor("en"), namespace }),
  };
});
vi.mock("next-intl", () => ({ NextIntlClientProvider: ({ children }: { children: unknown }) => children }));

const external = "postgresql://db.internal:5432/gatehouse";
const embedded = "postgresql://postgres@127.0.0.1:5433/postgres?sslmode=disable";

async function renderWith(variables: Record<string, string>): Promise<string> {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const { default: RootLayout } = await import("./layout");
  return renderToStaticMarkup(await RootLayout({ children: "page" }));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the demo warning banner", () => {
  it("shows on every page when demo sign-in runs on an external database", async () => {
    const html = await renderWith({
      DATABASE_URL: external,
      GATEHOUSE_DEMO: "true",
      GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
      AUTH_OIDC_ISSUER: "",
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Demo sign-in is on against an external database");
  });

  it("is absent on the embedded database and with OIDC", async () => {
    expect(
      await renderWith({
        DATABASE_URL: embedded,
        GATEHOUSE_DEMO: "true",
        GATEHOUSE_DB_PORT: "5433",
        AUTH_OIDC_ISSUER: "",
      }),
    ).not.toContain("Demo sign-in");
    const oidc = {
      AUTH_OIDC_ISSUER: "https://idp.example.com",
      AUTH_OIDC_CLIENT_ID: "a",
      AUTH_OIDC_CLIENT_SECRET: "b",
    };
    expect(
      await renderWith({
        DATABASE_URL: external,
        GATEHOUSE_DEMO: "true",
        GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
        ...oidc,
      }),
    ).not.toContain("Demo sign-in");
  });
});
