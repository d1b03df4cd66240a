import { describe, expect, it } from "vitest";
import { isInFlight, requestSummary, type RequestState } from "./follow-request.ts";

const state = (status: string, runs: RequestState["runs"] = []): RequestState => ({
  id: "c1",
  status,
  apiName: "ledger",
  runs,
  approvals: [],
  failure: null,
  invokeUrls: [],
});
const run = (status: string, steps: RequestState["runs"][number]["steps"] = []) => ({
  id: "r1",
  kind: "provision",
  status,
  steps,
});

describe("isInFlight", () => {
  it("waits while the request is being provisioned or torn down, or its latest run is queued or running", () => {
    expect(isInFlight(state("approved"))).toBe(true);
    expect(isInFlight(state("provisioning", [run("running")]))).toBe(true);
    expect(isInFlight(state("decommissioning"))).toBe(true);
    expect(isInFlight(state("migrating"))).toBe(true);
    expect(isInFlight(state("moving"))).toBe(true);
    expect(isInFlight(state("decommission_pending", [run("queued")]))).toBe(true);
  });

  it("waits for the teardown once its decommission is approved, before the worker has started it", () => {
    const pending = state("decommission_pending", [run("succeeded")]);
    expect(isInFlight(pending)).toBe(false);
    expect(isInFlight({ ...pending, approvals: [{ kind: "decommission", decision: "approved" }] })).toBe(true);
    expect(isInFlight({ ...pending, approvals: [{ kind: "exposure", decision: "approved" }] })).toBe(false);
  });

  it("stops once the request has settled", () => {
    for (const status of ["active", "decommissioned", "failed", "rejected", "pending_approval"])
      expect(isInFlight(state(status, [run("succeeded")])), status).toBe(false);
    expect(isInFlight(state("approved", [{ ...run("succeeded"), kind: "rollback" }])), "rolled back").toBe(false);
  });
});

describe("requestSummary", () => {
  it("names the latest run and the step it failed at", () => {
    const failed = state("failed", [
      run("failed", [
        { stepId: "targetGroup.create", title: "Target group", status: "succeeded" },
        { stepId: "vpcLink.create", title: "VPC link", status: "failed" },
      ]),
    ]);
    expect(requestSummary(failed)).toMatchObject({
      status: "failed",
      run: { id: "r1", kind: "provision", status: "failed", failedStep: "vpcLink.create" },
    });
    expect(requestSummary(state("pending_approval")).run).toBeNull();
  });
});
