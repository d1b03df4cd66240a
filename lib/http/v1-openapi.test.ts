import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { httpMethods, routeFiles } from "./route-files";
import { openApiDocument } from "./v1-openapi";

// The document and the routes on disk agree both ways: every exported handler under app/api/v1 is documented, and
// every documented operation has its handler.

const root = join(process.cwd(), "app");

async function implementedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const { file, path } of routeFiles(join(root, "api", "v1"), "route.ts")) {
    const handlers = (await import(file)) as Record<string, unknown>;
    for (const method of httpMethods)
      if (typeof handlers[method] === "function") operations.push(`${method} /api/v1${path === "/" ? "" : path}`);
  }
  return operations.sort();
}

describe("the OpenAPI document of /api/v1", () => {
  const document = openApiDocument("https://gatehouse.example");

  it("documents exactly the routes that exist", async () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(await implementedOperations());
  });

  it("is OpenAPI 3.1 with a scope or the session on every operation, and bodies as JSON Schema", () => {
    expect(document.openapi).toBe("3.1.0");
    const submit = document.paths["/api/v1/requests"]?.post as {
      security: unknown[];
      requestBody: { content: Record<string, { schema: { oneOf?: unknown[] } }> };
    };
    expect(submit.security).toEqual([{ bearerToken: ["requests:write"] }, { session: [] }]);
    expect(submit.requestBody.content["application/json"]?.schema.oneOf).toHaveLength(2);
    const tokens = document.paths["/api/v1/tokens"]?.post as { security: unknown[] };
    expect(tokens.security).toEqual([{ session: [] }]);
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("says a token stops when idle, and when the caller's tokens stop", () => {
    expect(document.info.description).toContain("GATEHOUSE_TOKEN_IDLE_DAYS (idle)");
    const list = document.paths["/api/v1/tokens"]?.get as {
      responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
    };
    expect(list.responses["401"]?.description).toContain("idle");
    expect(list.responses["200"]?.content?.["application/json"]?.schema).toMatchObject({
      required: ["tokens", "idleDays", "idleStopsAt"],
      properties: { idleDays: { type: "integer" }, idleStopsAt: { type: "string", format: "date-time" } },
    });
  });
});
