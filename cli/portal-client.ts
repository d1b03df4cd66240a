import { z } from "zod";
import type { CliEnv } from "./cli-env.ts";
import { CliError } from "./cli-error.ts";

// The CLI's only way out: /api/v1 of the portal at GATEHOUSE_URL, as the owner of GATEHOUSE_TOKEN. Every answer that
// is not 2xx becomes a CliError that says what the portal said, with each bad field on its own line.

export type PortalClient = {
  get(path: string): Promise<unknown>;
  send(method: "POST" | "PUT", path: string, body?: unknown): Promise<unknown>;
};

const errorAnswerSchema = z.object({
  code: z.string().optional(),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

const hints: Record<number, string> = {
  401: "The portal does not accept GATEHOUSE_TOKEN (unknown, expired or revoked); create a new one at /settings/tokens.",
  403: "Your user or your token may not do this (a missing token scope, or a platform admin's action).",
};

/** What a failed answer means for the person at the terminal. */
export function describeFailure(status: number, answer: unknown): string {
  const parsed = errorAnswerSchema.safeParse(answer);
  const lines = [`${status}: ${parsed.success ? parsed.data.message : "the portal gave no reason."}`];
  for (const [field, messages] of Object.entries((parsed.success && parsed.data.fieldErrors) || {}))
    for (const message of messages) lines.push(`  ${field}: ${message}`);
  const hint = hints[status];
  if (hint) lines.push(hint);
  return lines.join("\n");
}

/** An answer as the CLI reads it; a different shape means the portal and this clone disagree on the API. */
export function parseAnswer<T>(schema: z.ZodType<T>, answer: unknown): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new CliError("The portal's answer is not what this CLI expects; update your clone.");
  return parsed.data;
}

export function portalClient(env: CliEnv, fetchImpl: typeof fetch = fetch): PortalClient {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${env.GATEHOUSE_URL}${path}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: {
          authorization: `Bearer ${env.GATEHOUSE_TOKEN}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: "error",
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(`Cannot reach the portal at GATEHOUSE_URL (${env.GATEHOUSE_URL}): ${cause}`);
    }
    const text = await response.text();
    let answer: unknown = undefined;
    try {
      answer = text === "" ? undefined : JSON.parse(text);
    } catch {
      throw new CliError(`${method} ${path} answered ${response.status} without JSON: is GATEHOUSE_URL the portal?`);
    }
    if (!response.ok) throw new CliError(describeFailure(response.status, answer));
    return answer;
  }
  return { get: (path) => call("GET", path), send: (method, path, body) => call(method, path, body) };
}
