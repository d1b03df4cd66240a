import type { FieldErrors, PublicError } from "@/lib/errors";

// The browser side of our API routes: JSON in and out, and the server's field errors kept for the form.

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload ?? {}) as Partial<PublicError>;
    throw new ApiFailure(error.message ?? `The server answered ${response.status}.`, response.status, topLevelFields(error.fieldErrors ?? {}));
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
