import { describe, expect, it } from "vitest";
import { formatDuration, runWaterfall, type DurationWords, type WaterfallStep } from "./run-waterfall";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

const t0 = Date.parse("2026-12-04T12:00:00Z");
const at = (seconds: number) => t0 + seconds * 1_000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

const step = (stepId: string, overrides: Partial<WaterfallStep> = {}): WaterfallStep => ({
  stepId,
  title: stepId,
  status: "succeeded",
  dependsOn: [],
  startedAt: null,
  finishedAt: null,
  attemptLog: [],
  ...overrides,
});

describe("runWaterfall", () => {
  // A finished run: the NLB is created and polled until active while the REST API, paced, waits for its slot.
  const finished = [
    step("loadBalancer.create", {
      startedAt: iso(0),
      finishedAt: iso(2),
      attemptLog: [{ start: at(0), end: at(2), outcome: "done" }],
    }),
    step("loadBalancer.awaitActive", {
      dependsOn: ["loadBalancer.create"],
      startedAt: iso(40),
      finishedAt: iso(41),
      attemptLog: [
        { start: at(2), end: at(3), outcome: "aws", reason: "the NLB is provisioning" },
        { start: at(20), end: at(21), outcome: "retry", reason: "ThrottlingException: Rate exceeded" },
        { start: at(40), end: at(41), outcome: "done" },
      ],
    }),
    step("restApi.create", {
      startedAt: iso(9),
      finishedAt: iso(10),
      attemptLog: [
        { start: at(0), end: at(1), outcome: "slot", reason: "its CreateRestApi turn" },
        { start: at(6), end: at(10), outcome: "done", slotMs: 3_000 },
      ],
    }),
    step("restApi.deploy", {
      dependsOn: ["loadBalancer.awaitActive", "restApi.create"],
      startedAt: iso(41),
      finishedAt: iso(45),
      attemptLog: [{ start: at(41), end: at(45), outcome: "done" }],
    }),
  ];

  it("draws one bar per step from its first attempt to its end, split into working, waiting on AWS, call slots and retries", () => {
    const waterfall = runWaterfall(finished, at(100));
    expect([waterfall.start, waterfall.end]).toEqual([at(0), at(45)]);
    const poll = waterfall.bars.find((bar) => bar.stepId === "loadBalancer.awaitActive");
    expect(
      poll?.segments.map((segment) => [segment.kind, (segment.start - t0) / 1_000, (segment.end - t0) / 1_000]),
    ).toEqual([
      ["working", 2, 3],
      ["aws", 3, 20],
      ["working", 20, 21],
      ["retry", 21, 40],
      ["working", 40, 41],
    ]);
    expect(poll?.segments[1]?.reason).toBe("the NLB is provisioning");
    expect(poll?.retries).toBe(1);
    expect(poll?.totals).toEqual({ working: 3_000, aws: 17_000, slot: 0, retry: 19_000 });

    const paced = waterfall.bars.find((bar) => bar.stepId === "restApi.create");
    expect(paced?.segments.map((segment) => segment.kind)).toEqual(["working", "slot", "slot", "working"]);
    expect(paced?.totals).toEqual({ working: 2_000, aws: 0, slot: 8_000, retry: 0 });
  });

  it("orders bars by start and bars' extents match the step rows' first start and finish", () => {
    const waterfall = runWaterfall(finished, at(100));
    expect(waterfall.bars.map((bar) => [bar.stepId, bar.start, bar.end])).toEqual([
      ["loadBalancer.create", at(0), at(2)],
      ["restApi.create", at(0), at(10)],
      ["loadBalancer.awaitActive", at(2), at(41)],
      ["restApi.deploy", at(41), at(45)],
    ]);
  });

  it("highlights the critical path: from the last step back through the dependency that ended last", () => {
    const critical = runWaterfall(finished, at(100))
      .bars.filter((bar) => bar.critical)
      .map((bar) => bar.stepId);
    expect(critical.sort()).toEqual(["loadBalancer.awaitActive", "loadBalancer.create", "restApi.deploy"]);
  });

  it("while the run is in flight, a waiting step's wait and a running step's attempt reach now; pending steps have no extent", () => {
    const live = runWaterfall(
      [
        step("a", { status: "waiting", startedAt: iso(0), attemptLog: [{ start: at(0), end: at(1), outcome: "aws" }] }),
        step("b", {
          status: "running",
          startedAt: iso(8),
          attemptLog: [{ start: at(0), end: at(2), outcome: "retry", reason: "InternalError" }],
        }),
        step("c", { status: "running", startedAt: iso(5) }),
        step("d", { status: "pending", dependsOn: ["a"] }),
      ],
      at(10),
    );
    const byId = new Map(live.bars.map((bar) => [bar.stepId, bar]));
    expect(byId.get("a")?.segments.at(-1)).toMatchObject({ kind: "aws", end: at(10) });
    expect(byId.get("b")?.segments.map((segment) => [segment.kind, segment.start, segment.end])).toEqual([
      ["working", at(0), at(2)],
      ["retry", at(2), at(8)],
      ["working", at(8), at(10)],
    ]);
    expect(byId.get("c")?.segments).toEqual([{ kind: "working", start: at(5), end: at(10) }]);
    expect(byId.get("d")).toMatchObject({ start: null, end: null, segments: [] });
    expect(live.bars.at(-1)?.stepId).toBe("d");
  });

  it("marks a failed step, and draws a step without an attempt log (an older run) as one working span", () => {
    const waterfall = runWaterfall(
      [
        step("old", { startedAt: iso(0), finishedAt: iso(4) }),
        step("broke", {
          status: "failed",
          dependsOn: ["old"],
          startedAt: iso(4),
          finishedAt: iso(5),
          attemptLog: [{ start: at(4), end: at(5), outcome: "failed", reason: "AccessDenied" }],
        }),
      ],
      at(50),
    );
    expect(waterfall.bars[0]?.segments).toEqual([{ kind: "working", start: at(0), end: at(4) }]);
    expect(waterfall.bars[1]).toMatchObject({ failed: true, critical: true, end: at(5) });
  });

  it("with nothing started, spans an instant at now", () => {
    expect(runWaterfall([step("a", { status: "pending" })], at(3))).toMatchObject({ start: at(3), end: at(3) + 1 });
  });
});

describe("formatDuration", () => {
  const wordsIn = (locale: Locale): DurationWords => {
    const t = translatorFor(locale);
    return (unit, values) => t(`waterfall.duration.${unit}`, values);
  };
  const read = (locale: Locale) => [850, 12_400, 60_000, 185_000].map((ms) => formatDuration(ms, wordsIn(locale)));

  it("reads as people say it, in each language", () => {
    expect(read("en")).toEqual(["850 ms", "12.4 s", "1 min 0 s", "3 min 5 s"]);
    expect(read("zh-CN")).toEqual(["850 毫秒", "12.4 秒", "1 分 0 秒", "3 分 5 秒"]);
  });
});
