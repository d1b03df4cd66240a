import { maxOpenApiBytes, openApiDocumentPath } from "@/lib/catalog/openapi-size";
import { AppError } from "@/lib/errors";

// Request bodies are read through here, capped before they are read: a declared Content-Length over the cap is
// refused without reading a byte (the proxy does the same for every /api path), and a body without one (chunked)
// is counted while it streams and abandoned at the cap. Gatehouse's largest legitimate body is a request form.

export const maxBodyBytes = 64 * 1024;

/** The cap the proxy applies to an /api path: 64 KiB, except a team's OpenAPI document (deliberately larger). */
export function bodyLimitFor(pathname: string): number {
  return openApiDocumentPath.test(pathname) ? maxOpenApiBytes : maxBodyBytes;
}

/** The 413 for a body over `limit` bytes. */
export function bodyTooLarge(limit = maxBodyBytes): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    { key: "errors.http.bodyTooLarge", values: { kib: limit / 1024 } },
    // The limit, in words no language needs: a field error carries no values.
    { fieldErrors: { body: [`≤ ${limit / 1024} KiB`] } },
  );
}

/** Whether a declared Content-Length exceeds `limit` (an absent or unreadable one is judged while streaming). */
export function declaresBodyOver(headers: Headers, limit = maxBodyBytes): boolean {
  const declared = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(declared) && declared > limit;
}

/** The body as text, refused with a 413 as soon as it is known to exceed `limit` bytes. */
export async function readLimitedText(request: Request, limit = maxBodyBytes): Promise<string> {
  if (declaresBodyOver(request.headers, limit)) throw bodyTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON: 413 past the cap, 422 naming `body` when it is not JSON. */
export async function readLimitedJson(request: Request, limit = maxBodyBytes): Promise<unknown> {
  const text = await readLimitedText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      "VALIDATION_FAILED",
      { key: "errors.http.notJson" },
      {
        fieldErrors: { body: ["validation.http.notJson"] },
      },
    );
  }
}
