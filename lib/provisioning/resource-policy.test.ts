import { describe, expect, it } from "vitest";
import {
  buildResourcePolicy,
  endpointsAllowedBy,
  sameEndpoints,
  serializeResourcePolicy,
  vpcEndpointIdSchema,
} from "./resource-policy";

describe("buildResourcePolicy", () => {
  it("denies invoke from every source VPC endpoint except the allowed ones, then allows", () => {
    const policy = buildResourcePolicy(["vpce-0b1c2d3e4f5a6b7c8", "vpce-0123456789abcdef0"]);
    const [deny, allow] = policy.Statement;
    expect(deny.Effect).toBe("Deny");
    expect(deny.Condition.StringNotEquals["aws:SourceVpce"]).toEqual([
      "vpce-0123456789abcdef0",
      "vpce-0b1c2d3e4f5a6b7c8",
    ]);
    expect(allow).toEqual({
      Effect: "Allow",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
    });
  });

  it("lists an endpoint once however often it is given", () => {
    const policy = buildResourcePolicy(["vpce-0123456789abcdef0", "vpce-0123456789abcdef0"]);
    expect(policy.Statement[0].Condition.StringNotEquals["aws:SourceVpce"]).toEqual(["vpce-0123456789abcdef0"]);
  });

  it("refuses an empty allow-list, which would deny everyone", () => {
    expect(() => buildResourcePolicy([])).toThrow(/at least one VPC endpoint/);
  });

  it("refuses values that are not endpoint ids, so nothing can be injected into the condition", () => {
    expect(() => buildResourcePolicy(['vpce-1234"],"aws:SourceVpc":["vpc-1'])).toThrow(/VPC endpoint ID/);
    expect(() => buildResourcePolicy(["*"])).toThrow(/VPC endpoint ID/);
  });
});

describe("serializeResourcePolicy", () => {
  it("produces JSON that parses back to the same policy", () => {
    const policy = buildResourcePolicy(["vpce-0123456789abcdef0"]);
    expect(JSON.parse(serializeResourcePolicy(policy))).toEqual(policy);
  });

  it("refuses a policy longer than API Gateway accepts", () => {
    const many = Array.from({ length: 400 }, (_, index) => `vpce-${index.toString(16).padStart(17, "0")}`);
    expect(() => serializeResourcePolicy(buildResourcePolicy(many))).toThrow(/at most 8192/);
  });
});

describe("vpcEndpointIdSchema", () => {
  it("accepts the 8- and 17-digit forms EC2 issues, trimmed and lower-cased", () => {
    expect(vpcEndpointIdSchema.parse("vpce-1a2b3c4d")).toBe("vpce-1a2b3c4d");
    expect(vpcEndpointIdSchema.parse(" VPCE-0123456789ABCDEF0 ")).toBe("vpce-0123456789abcdef0");
  });

  it("refuses other lengths, other prefixes and anything that is not hexadecimal", () => {
    for (const value of [
      "vpce-1a2b3c4d5",
      "vpce-0123456789abcdef",
      "vpc-0123456789abcdef0",
      "vpce-0123456789abcdefg",
      "vpce-*",
    ]) {
      expect(vpcEndpointIdSchema.safeParse(value).success, value).toBe(false);
    }
  });
});

describe("endpointsAllowedBy", () => {
  const hub = "vpce-0123456789abcdef0";
  const consumer = "vpce-0b1c2d3e4f5a6b7c8";

  it("reads the allowed endpoints back from the policy Gatehouse wrote", () => {
    expect(endpointsAllowedBy(serializeResourcePolicy(buildResourcePolicy([hub, consumer])))).toEqual([hub, consumer]);
  });

  it("reads API Gateway's rewritten form: quotes escaped, the API's ARN, a single endpoint as a string", () => {
    const live = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5/*",
          Condition: { StringNotEquals: { "aws:sourceVpce": hub } },
        },
        {
          Effect: "Allow",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5/*",
        },
      ],
    }).replace(/"/g, '\\"');
    expect(endpointsAllowedBy(live)).toEqual([hub]);
  });

  it("finds no allow-list in a policy of another shape: no policy, an extra statement, another condition", () => {
    const [deny, allow] = buildResourcePolicy([hub]).Statement;
    expect(endpointsAllowedBy(undefined)).toBeUndefined();
    expect(endpointsAllowedBy("not json")).toBeUndefined();
    expect(endpointsAllowedBy(JSON.stringify({ Version: "2012-10-17", Statement: [allow] }))).toBeUndefined();
    expect(
      endpointsAllowedBy(JSON.stringify({ Version: "2012-10-17", Statement: [deny, allow, allow] })),
    ).toBeUndefined();
    const byVpc = { ...deny, Condition: { StringNotEquals: { "aws:SourceVpc": ["vpc-0123456789abcdef0"] } } };
    expect(endpointsAllowedBy(JSON.stringify({ Version: "2012-10-17", Statement: [byVpc, allow] }))).toBeUndefined();
    const conditionalAllow = { ...allow, Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8"] } } };
    expect(
      endpointsAllowedBy(JSON.stringify({ Version: "2012-10-17", Statement: [deny, conditionalAllow] })),
    ).toBeUndefined();
  });
});

describe("sameEndpoints", () => {
  it("compares allow-lists as sets; no list is never the same", () => {
    expect(sameEndpoints(["vpce-1a2b3c4d", "vpce-2a2b3c4d"], ["vpce-2a2b3c4d", "vpce-1a2b3c4d"])).toBe(true);
    expect(sameEndpoints(["vpce-1a2b3c4d"], ["vpce-1a2b3c4d", "vpce-2a2b3c4d"])).toBe(false);
    expect(sameEndpoints(undefined, ["vpce-1a2b3c4d"])).toBe(false);
  });
});
