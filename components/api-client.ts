import type { FieldErrors, PublicError } from "@/lib/errors";

// The browser side of the portal's API routes: JSON in and out, and the server's field errors kept for the form.

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

// An answer without a message of its own (a proxy's 502, a body that is not JSON) is described in the page's language:
// `ApiClientWords` in the root layout sets these words from the catalogue, as `ZodConfig` does for zod.
let serverAnswered = (status: number) => `The server answered ${status}.`;

export function describeBareAnswerWith(describe: (status: number) => string): void {
  serverAnswered = describe;
}

/** `body` is sent as JSON; `text` as is (an OpenAPI document in YAML or JSON). */
export async function callApi<T>(
  url: string,
  init: { method?: string; body?: unknown; text?: string } = {},
): Promise<T> {
  const json = init.body === undefined ? undefined : JSON.stringify(init.body);
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers:
      init.text !== undefined
        ? { "content-type": "text/plain" }
        : json
          ? { "content-type": "application/json" }
          : undefined,
    body: init.text ?? json,
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload ?? {}) as Partial<PublicError>;
    throw new ApiFailure(
      error.message ?? serverAnswered(response.status),
      response.status,
      topLevelFields(error.fieldErrors ?? {}),
    );
  }
  return payload as T;
}

/** "regions.1" → "regions": forms show one message list per field. */
export function topLevelFields(errors: FieldErrors): FieldErrors {
  const merged: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) (merged[path.split(".")[0] ?? path] ??= []).push(...messages);
  for (const key of Object.keys(merged)) merged[key] = [...new Set(merged[key])];
  return merged;
}

/** A failed browser-side parse with the server's own schema, as the same per-field messages the server would send. */
export function issuesByField(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldErrors {
  const found: FieldErrors = {};
  for (const issue of error.issues) (found[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return topLevelFields(found);
}
