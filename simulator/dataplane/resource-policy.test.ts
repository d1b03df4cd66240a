import { describe, expect, it } from "vitest";
import { isInvokeAllowed } from "./resource-policy";
import { buildResourcePolicy, serializeResourcePolicy } from "../../lib/provisioning/resource-policy";

const policy = serializeResourcePolicy(buildResourcePolicy(["vpce-0123456789abcdef0"]));

describe("isInvokeAllowed", () => {
  it("allows only the listed source endpoints under Gatehouse's deny-unless policy", () => {
    expect(isInvokeAllowed(policy, { sourceVpce: "vpce-0123456789abcdef0" })).toBe(true);
    expect(isInvokeAllowed(policy, { sourceVpce: "vpce-0ffffffffffffffff" })).toBe(false);
    expect(isInvokeAllowed(policy, {})).toBe(false);
  });

  it("reads the escaped form API Gateway hands back", () => {
    expect(isInvokeAllowed(policy.replace(/"/g, '\\"'), { sourceVpce: "vpce-0123456789abcdef0" })).toBe(true);
  });

  it("denies when there is no policy, or only a deny", () => {
    expect(isInvokeAllowed(undefined, { sourceVpce: "vpce-0123456789abcdef0" })).toBe(false);
    const denyAll = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" }] });
    expect(isInvokeAllowed(denyAll, { sourceVpce: "vpce-0123456789abcdef0" })).toBe(false);
  });
});
