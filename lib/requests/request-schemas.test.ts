import { describe, expect, it } from "vitest";
import { requestInputSchema } from "./request-schemas";
import { parseBody } from "@/lib/http/api-route";
import { translateValidationMessage } from "@/lib/i18n/translate";

// The wizard's rules, as the server applies them: good input passes; invalid, oversized and hostile values are each
// refused with a message on the field that carries them.

const nlb = {
  scenario: "cross_account_nlb",
  teamId: "cmteampayments0000000000a",
  region: "eu-west-1",
  accountId: "222222222222",
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/net/k8s-payments-checkout-5f2a9c1e7b/0123456789abcdef",
  port: 80,
  apiName: "checkout",
  stageName: "prod",
  justification: "Checkout needs to be called from the hub consumers.",
};
const remote = {
  ...nlb,
  scenario: "remote_network",
  accountId: undefined,
  loadBalancerArn: undefined,
  remoteNetworkName: "datacenter-frankfurt",
  remoteIps: ["10.50.12.34"],
  port: "8080",
};

function fieldErrors(value: unknown): Record<string, string[]> {
  try {
    parseBody(requestInputSchema, value);
  } catch (error) {
    // As the API answers: each schema message key put into English words.
    const { fieldErrors } = error as { fieldErrors: Record<string, string[]> };
    return Object.fromEntries(
      Object.entries(fieldErrors).map(([field, messages]) => [
        field,
        messages.map((message) => translateValidationMessage(message, "en")),
      ]),
    );
  }
  return {};
}

describe("the request schema", () => {
  it("accepts both scenarios, coercing the port typed into a form", () => {
    expect(parseBody(requestInputSchema, nlb)).toMatchObject({ port: 80, corsAllowOrigins: [] });
    expect(
      parseBody(requestInputSchema, {
        ...remote,
        corsAllowOrigins: ["https://app.example.com", "https://a.b:8443"],
        basePath: "v1/ledger",
      }),
    ).toMatchObject({ port: 8080, remoteIps: ["10.50.12.34"] });
  });

  it.each([
    ["apiName", "<script>alert(1)</script>"],
    ["apiName", '{"name":"x"}'],
    ["apiName", "arn:aws:execute-api:eu-west-1:1:abc"],
    ["apiName", "10.0.0.0/8"],
    ["apiName", "a".repeat(65)],
    ["stageName", "prod stage"],
    ["stageName", "x".repeat(129)],
    ["port", 0],
    ["port", 65536],
    ["port", "80; DROP TABLE"],
    ["justification", "short"],
    ["justification", "Needed <img src=x onerror=alert(1)> now"],
    ["justification", "j".repeat(2001)],
    ["basePath", "/leading"],
    ["basePath", "../etc/passwd"],
    ["backendHost", "http://evil.example"],
    ["corsAllowOrigins", ["http://insecure.example.com"]],
    ["corsAllowOrigins", ["https://app.example.com/path"]],
    ["corsAllowOrigins", ["*"]],
    ["accountId", "22222222222"],
    ["loadBalancerArn", "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/my-alb/0123456789abcdef"],
    ["teamId", "'; select 1; --"],
    ["region", "eu-west-1<script>"],
  ])("refuses %s = %j with a message on that field", (field, value) => {
    const errors = fieldErrors({ ...nlb, [field]: value });
    expect(
      Object.keys(errors).some((key) => key === field || key.startsWith(`${field}.`)),
      JSON.stringify(errors),
    ).toBe(true);
  });

  it("refuses a load balancer of another account than the chosen one", () => {
    expect(fieldErrors({ ...nlb, accountId: "333333333333" })).toHaveProperty("loadBalancerArn");
  });

  it.each([
    [["8.8.8.8"], /Only private addresses/],
    [["10.50.0.0/16"], /single IPv4 address/],
    [["010.50.12.34"], /single IPv4 address/],
    [["ledger.internal"], /single IPv4 address/],
    [[], /at least one/],
    [Array.from({ length: 17 }, (_, index) => `10.0.0.${index + 1}`), /At most 16/],
    [["10.0.0.1", "10.0.0.1"], /only once/],
  ])("refuses remote IPs %j", (ips, message) => {
    const errors = fieldErrors({ ...remote, remoteIps: ips });
    expect(
      Object.entries(errors)
        .filter(([key]) => key.startsWith("remoteIps"))
        .flatMap(([, messages]) => messages)
        .join(" "),
    ).toMatch(message);
  });

  it("accepts the shared address space and the other private ranges", () => {
    expect(fieldErrors({ ...remote, remoteIps: ["100.64.1.2", "172.31.0.9", "192.168.1.1"] })).toEqual({});
  });

  it("refuses a network name with markup or JSON", () => {
    expect(fieldErrors({ ...remote, remoteNetworkName: "<b>dc</b>" })).toHaveProperty("remoteNetworkName");
    expect(fieldErrors({ ...remote, remoteNetworkName: '{"a":1}' })).toHaveProperty("remoteNetworkName");
  });
});
