import { describe, expect, it } from "vitest";
import { documentMethods, openApiForExposure } from "./openapi-for-exposure";

const document = `openapi: 3.0.3
info: { title: Orders, version: "1" }
paths:
  /orders:
    summary: all orders
    get: { responses: { "200": { description: ok } } }
    post: { responses: { "201": { description: created } } }
  /orders/{orderId}:
    get:
      parameters: [{ $ref: "#/components/parameters/orderId" }]
      responses: { "200": { description: ok } }
`;

describe("openApiForExposure", () => {
  it("gives every path and verb an HTTP_PROXY integration over the VPC link to the same backend path", () => {
    const built = openApiForExposure(document, { vpcLinkId: "abc123" }, { host: "orders.internal", port: 8443 });
    expect(Object.keys(built.paths)).toEqual(["/orders", "/orders/{orderId}"]);
    expect(Object.keys(built.paths["/orders"] ?? {})).toEqual(["get", "post"]);
    expect(built.paths["/orders"]?.post?.["x-amazon-apigateway-integration"]).toEqual({
      type: "http_proxy",
      httpMethod: "POST",
      uri: "http://orders.internal:8443/orders",
      connectionType: "VPC_LINK",
      connectionId: "abc123",
      requestParameters: {},
    });
  });

  it("maps path parameters from the method request to the integration request, and names the V2 link's target", () => {
    const built = openApiForExposure(
      document,
      { vpcLinkId: "link-v2", integrationTarget: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/1" },
      { host: "nlb.internal", port: 80 },
    );
    const get = built.paths["/orders/{orderId}"]?.get;
    expect(get?.parameters).toEqual([{ name: "orderId", in: "path", required: true }]);
    expect(get?.["x-amazon-apigateway-integration"]).toMatchObject({
      uri: "http://nlb.internal:80/orders/{orderId}",
      integrationTarget: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/1",
      requestParameters: { "integration.request.path.orderId": "method.request.path.orderId" },
    });
  });

  it("lists the methods the plan and topology show", () => {
    expect(documentMethods(document)).toEqual(["GET /orders", "POST /orders", "GET /orders/{orderId}"]);
  });
});
