import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { maxOpenApiBytes } from "./openapi-size";
import { parseOpenApiDocument } from "./parse-openapi-document";
import { ordersDocument } from "./testing/orders-openapi";
import { translateValidationMessage } from "@/lib/i18n/translate";

async function refusal(text: string): Promise<string> {
  const error = await parseOpenApiDocument(text).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  // As an English reader gets it: a message of Gatehouse's own is a catalogue key.
  return translateValidationMessage((error as AppError).fieldErrors?.document?.[0] ?? "", "en");
}

describe("parseOpenApiDocument", () => {
  it("accepts a YAML document and lists its operations", async () => {
    const parsed = await parseOpenApiDocument(ordersDocument);
    expect(parsed).toEqual({
      title: "Orders",
      version: "1.0",
      operations: [
        { path: "/orders", method: "GET", summary: "List orders" },
        { path: "/orders/{id}", method: "GET", summary: "Read one order" },
      ],
    });
  });

  it("accepts the same document as JSON", async () => {
    const json = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "Orders", version: "1" },
      paths: { "/orders": { post: { responses: { "201": { description: "Created" } } } } },
    });
    expect((await parseOpenApiDocument(json)).operations).toEqual([{ path: "/orders", method: "POST", summary: null }]);
  });

  it("names the line of a YAML syntax error", async () => {
    expect(await refusal("openapi: 3.0.3\ninfo:\n  title: [Orders\n  version: 1\n")).toMatch(/^line [34]: /);
  });

  it("names the line of the team's own text for a schema error, not the validator's reprint", async () => {
    const bad = ordersDocument.replace("          description: One order", "          description: 3");
    expect(await refusal(bad)).toMatch(/^line 22: .*must be string/);
  });

  it("names the line of a missing required member", async () => {
    const bad = ordersDocument.replace(
      '      summary: List orders\n      responses:\n        "200":\n          description: The orders\n',
      "      summary: List orders\n",
    );
    expect(await refusal(bad)).toMatch(/^line 7: .*responses/);
  });

  it("refuses Swagger 2.0, naming the line of the version", async () => {
    expect(await refusal('swagger: "2.0"\ninfo: { title: x, version: "1" }\nopenapi: "2.0"\n')).toMatch(/^line 3: /);
  });

  it("refuses a document over the size cap and an empty one", async () => {
    expect(await refusal(`${ordersDocument}#${"x".repeat(maxOpenApiBytes)}`)).toMatch(/over 256 KiB/);
    expect(await refusal("  \n")).toMatch(/empty/);
  });

  it("never fetches an external $ref", async () => {
    const external = ordersDocument.replace(
      "          description: The orders",
      "          description: The orders\n          content:\n            application/json:\n              schema: { $ref: 'http://127.0.0.1:9/evil.yaml' }",
    );
    await expect(parseOpenApiDocument(external)).resolves.toBeDefined();
  });
});
