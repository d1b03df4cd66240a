import { describe, expect, it } from "vitest";
import { consumerEndpointsView, nextConsumerEndpoints } from "./consumer-endpoints";
import type { ConsumerEndpoints } from "@/lib/generated/prisma/client";

const hub = "vpce-0123456789abcdef0";
const first = "vpce-0aaaaaaaaaaaaaaaa";
const second = "vpce-1b2c3d4e";

describe("nextConsumerEndpoints", () => {
  it("replaces the list, sorted and without duplicates", () => {
    expect(nextConsumerEndpoints([first], { set: [second, first, second] }, hub)).toEqual([first, second].sort());
    expect(nextConsumerEndpoints([first, second], { set: [] }, hub)).toEqual([]);
  });

  it("adds and removes, leaving the others in place; removing an endpoint not in the list changes nothing", () => {
    expect(nextConsumerEndpoints([first], { add: [second], remove: [] }, hub)).toEqual([first, second].sort());
    expect(nextConsumerEndpoints([first, second], { add: [], remove: [first, "vpce-99999999"] }, hub)).toEqual([
      second,
    ]);
  });

  it("accepts IDs as people paste them: spaces around, upper case", () => {
    expect(nextConsumerEndpoints([], { add: [` ${first.toUpperCase()} `], remove: [] }, hub)).toEqual([first]);
  });

  it("refuses what is not a VPC endpoint ID, naming it", () => {
    expect(() => nextConsumerEndpoints([], { set: ["vpc-0123456789abcdef0"] }, hub)).toThrow(
      /vpc-0123456789abcdef0: must be a VPC endpoint ID/,
    );
    expect(() => nextConsumerEndpoints([], { add: ['vpce-1234"]}'], remove: [] }, hub)).toThrow(
      /must be a VPC endpoint ID/,
    );
  });

  it("refuses the hub's own endpoint, which the policy always allows", () => {
    expect(() => nextConsumerEndpoints([], { add: [hub], remove: [] }, hub)).toThrow(/hub's own execute-api endpoint/);
  });

  it("refuses a list whose policy API Gateway would not accept", () => {
    const many = Array.from({ length: 400 }, (_, index) => `vpce-${index.toString(16).padStart(17, "0")}`);
    expect(() => nextConsumerEndpoints([], { set: many }, hub)).toThrow(/at most 8192/);
  });
});

describe("consumerEndpointsView", () => {
  const row = (fields: Partial<ConsumerEndpoints>): ConsumerEndpoints => ({
    requestId: "r1",
    vpcEndpointIds: [first],
    revision: 2,
    appliedRevision: 2,
    appliedAt: new Date("2026-11-26T10:00:00Z"),
    deployPending: false,
    lastError: null,
    updatedAt: new Date(),
    ...fields,
  });

  it("is in sync when the stage serves the latest revision", () => {
    expect(consumerEndpointsView("r1", hub, row({}))).toMatchObject({
      hubEndpointId: hub,
      vpcEndpointIds: [first],
      inSync: true,
      appliedAt: "2026-11-26T10:00:00.000Z",
    });
  });

  it("is behind while a revision waits to be applied, or a written policy waits for its deployment", () => {
    expect(consumerEndpointsView("r1", hub, row({ appliedRevision: 1 })).inSync).toBe(false);
    expect(consumerEndpointsView("r1", hub, row({ deployPending: true })).inSync).toBe(false);
  });

  it("shows an exposure nobody added consumers to as the hub alone, in sync", () => {
    expect(consumerEndpointsView("r1", hub, null)).toEqual({
      requestId: "r1",
      hubEndpointId: hub,
      vpcEndpointIds: [],
      revision: 0,
      appliedRevision: 0,
      appliedAt: null,
      inSync: true,
      lastError: null,
    });
  });
});
