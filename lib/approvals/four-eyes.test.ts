import { describe, expect, it } from "vitest";
import { fourEyesRefusal } from "./four-eyes";

describe("fourEyesRefusal", () => {
  const request = { requesterId: "paul", askedById: "ada" };

  it("refuses the requester any decision on their request", () => {
    expect(fourEyesRefusal("paul", request, "exposure")).toMatch(/You submitted this request/);
    expect(fourEyesRefusal("paul", request, "decommission")).toMatch(/You submitted this request/);
  });

  it("refuses whoever asked for the decommission that decision only", () => {
    expect(fourEyesRefusal("ada", request, "decommission")).toMatch(/You asked for this decommission/);
    expect(fourEyesRefusal("ada", request, "migration")).toMatch(/You asked for this migration/);
    expect(fourEyesRefusal("ada", request, "exposure")).toBeNull();
  });

  it("lets any other admin decide", () => {
    expect(fourEyesRefusal("grace", request, "exposure")).toBeNull();
    expect(fourEyesRefusal("grace", request, "decommission")).toBeNull();
    expect(fourEyesRefusal("grace", request, "migration")).toBeNull();
  });
});
