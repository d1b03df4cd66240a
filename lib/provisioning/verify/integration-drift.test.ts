import { describe, expect, it } from "vitest";
import {
  chainIntegrationDrift,
  chainWiring,
  documentIntegrationDrift,
  integrationDrift,
  type LiveIntegration,
} from "./integration-drift";

const nlb = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/gh-nlb/abc";
const v2 = chainWiring({ host: "gh-nlb.elb.amazonaws.com", port: 8080, vpcLinkId: "v2link", integrationTarget: nlb });
const v1 = chainWiring({ host: "gh-nlb.elb.amazonaws.com", port: 8080, vpcLinkId: "v1link" });
const wired = (wiring: (typeof v2)["/"]): LiveIntegration => ({
  type: "HTTP_PROXY",
  connectionType: "VPC_LINK",
  connectionId: wiring.vpcLinkId,
  integrationTarget: wiring.integrationTarget,
  uri: wiring.uri,
});

describe("integrationDrift", () => {
  it("accepts an integration wired as expected, V1 and V2", () => {
    expect(integrationDrift("/", wired(v2["/"]), v2["/"])).toBeUndefined();
    expect(integrationDrift("/{proxy+}", wired(v1["/{proxy+}"]), v1["/{proxy+}"])).toBeUndefined();
    expect(chainIntegrationDrift({ "/": wired(v2["/"]), "/{proxy+}": wired(v2["/{proxy+}"]) }, v2)).toBeUndefined();
  });

  it("names a V1 integration where the V2 link is expected (a migration not yet repointed)", () => {
    expect(integrationDrift("/", wired(v1["/"]), v2["/"])).toBe("ANY / goes through VPC link v1link, not v2link");
  });

  it("names the replaced link an exposure still uses", () => {
    const onOldLink = { ...wired(v2["/{proxy+}"]), connectionId: "failedlink" };
    expect(integrationDrift("/{proxy+}", onOldLink, v2["/{proxy+}"])).toBe(
      "ANY /{proxy+} goes through VPC link failedlink, not v2link",
    );
  });

  it("names a V2 integration that targets another load balancer, or none", () => {
    expect(integrationDrift("/", { ...wired(v2["/"]), integrationTarget: "arn:other" }, v2["/"])).toBe(
      `ANY / targets arn:other, not ${nlb}`,
    );
    expect(integrationDrift("/", { ...wired(v2["/"]), integrationTarget: undefined }, v2["/"])).toMatch(
      /targets no load balancer/,
    );
  });

  it("names a target on a V1 link, another type, the internet and another URI", () => {
    expect(integrationDrift("/", { ...wired(v1["/"]), integrationTarget: nlb }, v1["/"])).toMatch(/on a V1 link/);
    expect(integrationDrift("/", { ...wired(v1["/"]), type: "MOCK" }, v1["/"])).toBe(
      "ANY / is a MOCK integration, not HTTP_PROXY",
    );
    expect(integrationDrift("/", { ...wired(v1["/"]), connectionType: "INTERNET" }, v1["/"])).toMatch(
      /over INTERNET, not the VPC link v1link/,
    );
    expect(integrationDrift("/", { ...wired(v1["/"]), uri: "http://evil:80/" }, v1["/"])).toBe(
      "ANY / calls http://evil:80/, not http://gh-nlb.elb.amazonaws.com:8080/",
    );
  });

  it("reports a missing integration and joins both methods' drift", () => {
    expect(integrationDrift("/", undefined, v1["/"])).toBe("ANY / has no integration");
    expect(chainIntegrationDrift({ "/": undefined, "/{proxy+}": wired(v1["/{proxy+}"]) }, v2)).toBe(
      "ANY / has no integration; ANY /{proxy+} goes through VPC link v1link, not v2link",
    );
  });

  it("checks every method of an API built from a document against the link and target, whatever its path", () => {
    const orders = { ...wired(v2["/"]), uri: "http://gh-nlb.elb.amazonaws.com:8080/orders/{id}" };
    expect(documentIntegrationDrift({ "GET /orders/{id}": orders, "POST /orders": orders }, v2["/"])).toBeUndefined();
    expect(
      documentIntegrationDrift(
        { "GET /orders/{id}": orders, "POST /orders": { ...orders, connectionId: "old" } },
        v2["/"],
      ),
    ).toBe("POST /orders goes through VPC link old, not v2link");
  });
});
