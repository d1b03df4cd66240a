import { describe, expect, it } from "vitest";
import type { ApiResource, Method } from "../model/apigateway";
import { matchMethod } from "./route-match";

const method = (httpMethod: string): Method => ({
  httpMethod,
  authorizationType: "NONE",
  apiKeyRequired: false,
  requestParameters: {},
  methodResponses: {},
});

const resource = (path: string, ...methods: string[]): ApiResource => ({
  id: path,
  path,
  methods: Object.fromEntries(methods.map((name) => [name, method(name)])),
});

const api = [
  resource("/", "ANY"),
  resource("/{proxy+}", "ANY"),
  resource("/orders", "GET"),
  resource("/orders/{id}", "GET", "DELETE"),
  resource("/orders/{id}/lines/{proxy+}", "ANY"),
];

const matched = (httpMethod: string, path: string) => {
  const match = matchMethod(api, httpMethod, path);
  return (
    match && { resource: match.resource.path, method: match.method.httpMethod, pathParameters: match.pathParameters }
  );
};

describe("matchMethod", () => {
  it("routes the root only to the root resource, as {proxy+} needs at least one segment", () => {
    expect(matched("GET", "/")).toEqual({ resource: "/", method: "ANY", pathParameters: {} });
  });

  it("prefers a literal segment over a parameter over the greedy proxy", () => {
    expect(matched("GET", "/orders")).toEqual({ resource: "/orders", method: "GET", pathParameters: {} });
    expect(matched("GET", "/orders/42")).toEqual({
      resource: "/orders/{id}",
      method: "GET",
      pathParameters: { id: "42" },
    });
    expect(matched("GET", "/customers/7/addresses")).toEqual({
      resource: "/{proxy+}",
      method: "ANY",
      pathParameters: { proxy: "customers/7/addresses" },
    });
    expect(matched("PUT", "/orders/42/lines/3/notes")).toEqual({
      resource: "/orders/{id}/lines/{proxy+}",
      method: "ANY",
      pathParameters: { id: "42", proxy: "3/notes" },
    });
  });

  it("falls back to ANY on the chosen resource only, and finds nothing when that resource lacks the method", () => {
    expect(matched("delete", "/orders/42")?.method).toBe("DELETE");
    expect(matched("POST", "/orders/42")).toBeUndefined();
    expect(matchMethod([resource("/orders", "GET")], "GET", "/orders/42")).toBeUndefined();
  });
});
