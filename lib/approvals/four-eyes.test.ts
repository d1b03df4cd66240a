import { describe, expect, it } from "vitest";
import { fourEyesRefusal } from "./four-eyes";
import type { Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { DecisionKind } from "./four-eyes";

describe("fourEyesRefusal", () => {
  const request = { requesterId: "paul", askedById: "ada" };
  /** The refusal as the admin reads it on the request page or in the API's answer. */
  const refusal = (actorId: string, kind: DecisionKind, locale: Locale = "en") => {
    const message = fourEyesRefusal(actorId, request, kind);
    return message && translate(message, locale);
  };

  it("refuses the requester any decision on their request", () => {
    expect(refusal("paul", "exposure")).toMatch(/You submitted this request/);
    expect(refusal("paul", "decommission")).toMatch(/You submitted this request/);
    expect(refusal("paul", "exposure", "zh-CN")).toMatch(/您提交了此申请/);
  });

  it("refuses whoever asked for the decommission that decision only", () => {
    expect(refusal("ada", "decommission")).toMatch(/You asked for this decommission/);
    expect(refusal("ada", "migration")).toMatch(/You asked for this migration/);
    expect(refusal("ada", "move", "zh-CN")).toMatch(/转移/);
    expect(refusal("ada", "exposure")).toBeNull();
  });

  it("lets any other admin decide", () => {
    expect(fourEyesRefusal("grace", request, "exposure")).toBeNull();
    expect(fourEyesRefusal("grace", request, "decommission")).toBeNull();
    expect(fourEyesRefusal("grace", request, "migration")).toBeNull();
  });
});
