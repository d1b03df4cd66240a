import { describe, expect, it } from "vitest";
import { bodyLimitFor, declaresBodyOver, readLimitedJson, readLimitedText } from "./request-body";
import { toPublicError } from "@/lib/errors";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://gatehouse.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A chunked body with no Content-Length that would go on far past the cap; counts the chunks it was asked for. */
function endlessStream() {
  const pulled = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe("readLimitedJson", () => {
  it("reads a JSON body within the cap", async () => {
    expect(await readLimitedJson(post(JSON.stringify({ name: "ok" })))).toEqual({ name: "ok" });
  });

  it("answers 422 naming the body when it is not JSON, in the caller's language", async () => {
    const refusal = await readLimitedJson(post("name=x")).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 422 });
    expect(toPublicError(refusal, "en").body).toMatchObject({
      message: "The request body must be JSON.",
      fieldErrors: { body: ["Not valid JSON."] },
    });
    expect(toPublicError(refusal, "zh-CN").body).toMatchObject({
      message: "请求正文必须是 JSON。",
      fieldErrors: { body: ["不是有效的 JSON。"] },
    });
  });

  it("refuses a declared Content-Length over the cap with 413 before reading", async () => {
    const { stream, pulled } = endlessStream();
    const request = post(stream, { "content-length": String(10 * 1024 * 1024) });
    await expect(readLimitedText(request)).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining("64 KiB"),
    });
    expect(pulled.chunks).toBeLessThanOrEqual(1); // the stream's own first pull, never read by us
  });

  it("stops reading a chunked body at the cap with 413", async () => {
    const { stream, pulled } = endlessStream();
    await expect(readLimitedText(post(stream))).rejects.toMatchObject({ status: 413 });
    expect(pulled.cancelled).toBe(true);
    expect(pulled.chunks).toBeLessThan(10);
  });

  it("refuses a body just over the cap and accepts one exactly at it", async () => {
    await expect(readLimitedText(post("x".repeat(64 * 1024 + 1)))).rejects.toMatchObject({ status: 413 });
    expect((await readLimitedText(post("x".repeat(64 * 1024)))).length).toBe(64 * 1024);
  });
});

describe("declaresBodyOver", () => {
  it("judges only a declared length", () => {
    expect(declaresBodyOver(new Headers({ "content-length": "65537" }))).toBe(true);
    expect(declaresBodyOver(new Headers({ "content-length": "65536" }))).toBe(false);
    expect(declaresBodyOver(new Headers())).toBe(false);
  });
});

describe("bodyLimitFor", () => {
  it("raises the cap to 256 KiB for a team's OpenAPI document only", () => {
    expect(bodyLimitFor("/api/catalog/req_1/openapi")).toBe(256 * 1024);
    expect(bodyLimitFor("/api/catalog/req_1")).toBe(64 * 1024);
    expect(bodyLimitFor("/api/catalog/req_1/openapi/extra")).toBe(64 * 1024);
    expect(bodyLimitFor("/api/requests")).toBe(64 * 1024);
  });
});
