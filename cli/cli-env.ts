import { z } from "zod";

// The CLI's whole configuration: where the portal is and whose token to act with. The CLI is a separate program
// that talks only to the portal's /api/v1 (no database, no AWS), so it has its own two variables rather than the
// server's lib/env.ts.

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

const portalUrlSchema = z
  .string({ error: "GATEHOUSE_URL is not set: the portal's address, e.g. https://gatehouse.example." })
  .trim()
  .transform((text, context) => {
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      context.addIssue({
        code: "custom",
        message: "GATEHOUSE_URL is not an http(s) URL such as https://gatehouse.example.",
      });
      return z.NEVER;
    }
    if (url.protocol === "http:" && !loopbackHosts.has(url.hostname)) {
      context.addIssue({
        code: "custom",
        message:
          "GATEHOUSE_URL must use https (http only for localhost), so the token never crosses the network in clear.",
      });
      return z.NEVER;
    }
    return text.replace(/\/+$/, "");
  });

const tokenSchema = z
  .string({ error: "GATEHOUSE_TOKEN is not set: create a personal access token at /settings/tokens in the portal." })
  .trim()
  .regex(
    /^gh_pat_[A-Za-z0-9_-]{20,}$/,
    "GATEHOUSE_TOKEN is not a personal access token (gh_pat_…) from /settings/tokens.",
  );

export const cliEnvSchema = z.object({ GATEHOUSE_URL: portalUrlSchema, GATEHOUSE_TOKEN: tokenSchema });

export type CliEnv = z.infer<typeof cliEnvSchema>;

/** The environment, or every problem with it, one line per variable. */
export function readCliEnv(environment: Record<string, string | undefined>): { env: CliEnv } | { problems: string[] } {
  const parsed = cliEnvSchema.safeParse({
    GATEHOUSE_URL: environment.GATEHOUSE_URL || undefined,
    GATEHOUSE_TOKEN: environment.GATEHOUSE_TOKEN || undefined,
  });
  if (parsed.success) return { env: parsed.data };
  return { problems: parsed.error.issues.map((issue) => issue.message) };
}
