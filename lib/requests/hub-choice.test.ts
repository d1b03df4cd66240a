import { describe, expect, it } from "vitest";
import { placeExposure, type PlacementCandidate } from "./hub-choice";
import { quotaDefinitions, type QuotaKey, type QuotaReading } from "@/lib/hubs/quotas/hub-quotas";
import type { AppError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";

const reading = (key: QuotaKey, used: number): QuotaReading => ({
  key,
  name: quotaDefinitions[key].name,
  limit: quotaDefinitions[key].documentedDefault,
  limitSource: "awsDefault",
  used,
});
const candidate = (
  id: string,
  region: string,
  usedLoadBalancers: number,
  extra: Partial<PlacementCandidate> = {},
): PlacementCandidate => ({
  hub: { id, region, account: { alias: `hub-${id}`, accountId: id.padStart(12, "1") } },
  linkMode: "v2",
  hasSharedLink: true,
  drained: false,
  quotas: { readings: [reading("privateRestApis", 0), reading("networkLoadBalancers", usedLoadBalancers)] },
  ...extra,
});
const hubs = [candidate("a", "eu-west-1", 10), candidate("b", "eu-central-1", 40), candidate("c", "eu-central-1", 20)];
/** The refusal as a caller reads it: the message in English and Chinese, and the fields it is on. */
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { translatable, fieldErrors } = error as AppError;
    if (!translatable) throw error;
    return {
      en: translate(translatable, "en"),
      zh: translate(translatable, "zh-CN"),
      fields: Object.keys(fieldErrors ?? {}),
    };
  }
  throw new Error("expected a refusal");
};

describe("placeExposure", () => {
  it("places on the hub of the region with the most headroom and says why", () => {
    const placement = placeExposure({ candidates: hubs, region: "eu-central-1" });
    expect(placement.hub.id).toBe("c");
    expect(placement.reason).toMatch(/^hub-c \(11111111111c\): the most headroom in eu-central-1, room for 30 more/);
    expect(placement.reason).toMatch(/Others: hub-b \(11111111111b\) room for 10 more exposures/);
  });

  it("passes over a drained hub and a hub whose account could not be read", () => {
    const drained = [candidate("b", "eu-central-1", 40), candidate("c", "eu-central-1", 20, { drained: true })];
    expect(placeExposure({ candidates: drained, region: "eu-central-1" }).hub.id).toBe("b");
    const unreadable = [
      candidate("b", "eu-central-1", 40),
      candidate("c", "eu-central-1", 0, { quotas: { unreadable: "AccessDenied" } }),
    ];
    expect(placeExposure({ candidates: unreadable, region: "eu-central-1" }).hub.id).toBe("b");
  });

  it("falls back on an unreadable hub only when no hub is known to have room, saying so", () => {
    const candidates = [
      candidate("b", "eu-central-1", 50),
      candidate("c", "eu-central-1", 0, { quotas: { unreadable: "AccessDeniedException: no servicequotas" } }),
    ];
    expect(placeExposure({ candidates, region: "eu-central-1" })).toMatchObject({
      hub: { id: "c" },
      reason:
        "hub-c (11111111111c): no hub of eu-central-1 is known to have room; its quotas could not be read: AccessDeniedException: no servicequotas.",
    });
  });

  it("honours an admin's pin unless the pinned hub is drained", () => {
    expect(placeExposure({ candidates: hubs, region: "eu-central-1", pinnedHubId: "b" })).toMatchObject({
      hub: { id: "b" },
      reason: "hub-b (11111111111b): an admin pinned the team to this hub.",
    });
    const drainedPin = [candidate("b", "eu-central-1", 40, { drained: true }), candidate("c", "eu-central-1", 45)];
    expect(placeExposure({ candidates: drainedPin, region: "eu-central-1", pinnedHubId: "b" }).hub.id).toBe("c");
  });

  it("accepts the requester's hub of the region, but not a drained or foreign one", () => {
    expect(placeExposure({ candidates: hubs, region: "eu-central-1", requestedHubId: "b" }).hub.id).toBe("b");
    expect(refusalOf(() => placeExposure({ candidates: hubs, region: "eu-central-1", requestedHubId: "a" }))).toEqual({
      en: "Choose one of the hubs that serve eu-central-1.",
      zh: "请选择服务于 eu-central-1 的中心之一。",
      fields: ["hubId"],
    });
    const drained = [candidate("b", "eu-central-1", 0, { drained: true })];
    expect(
      refusalOf(() => placeExposure({ candidates: drained, region: "eu-central-1", requestedHubId: "b" })),
    ).toMatchObject({ en: "hub-b (11111111111b) is drained and takes no new exposures.", fields: ["hubId"] });
  });

  it("refuses, naming each hub's state, when no hub of the region has room", () => {
    const full = [candidate("b", "eu-central-1", 50), candidate("c", "eu-central-1", 0, { drained: true })];
    const refusal = refusalOf(() => placeExposure({ candidates: full, region: "eu-central-1" }));
    expect(refusal.en).toMatch(
      /No hub in eu-central-1 has room .*hub-b \(11111111111b\): room for 0 more exposures .*hub-c \(11111111111c\): drained/,
    );
    expect(refusal.fields).toEqual(["hubId"]);
  });

  it("says on the region that no hub serves it and what to ask the platform team", () => {
    const refusal = refusalOf(() => placeExposure({ candidates: hubs, region: "us-east-1" }));
    expect(refusal.en).toMatch(
      /^No platform hub serves us-east-1: .*ask the platform team to configure a hub in us-east-1/,
    );
    expect(refusal.zh).toMatch(/^us-east-1 没有平台中心/);
    expect(refusal.fields).toEqual(["region"]);
  });
});
