import type { AttemptRecord } from "@/lib/provisioning/engine/attempt-log";

// The run as a waterfall: one bar per step from its first attempt's start to its end (or now, while it is in flight),
// split into the time it worked, waited on AWS (a transition it polled for), waited for an API Gateway call slot, or
// backed off after a transient error; with its retries, its failure, and whether it lies on the critical path (the
// chain of steps, each the last to finish of those the next waited for, that decided when the run ended). Pure: the
// request page draws it and lists it as a table, and the tests check it against step rows.

export type WaterfallStep = {
  stepId: string;
  title: string;
  status: string;
  dependsOn: string[];
  /** This attempt's start (ISO), which is the first attempt's only for a step without an attempt log. */
  startedAt: string | null;
  finishedAt: string | null;
  attemptLog: AttemptRecord[];
};

export type SegmentKind = "working" | "aws" | "slot" | "retry";
export type Segment = { kind: SegmentKind; start: number; end: number; reason?: string };

export type WaterfallBar = {
  stepId: string;
  title: string;
  status: string;
  /** Epoch ms; null for a step that has not started. */
  start: number | null;
  end: number | null;
  segments: Segment[];
  /** Time per kind of segment, ms. */
  totals: Record<SegmentKind, number>;
  /** Attempts that ended in a transient error and were retried. */
  retries: number;
  failed: boolean;
  critical: boolean;
};

export type Waterfall = { start: number; end: number; bars: WaterfallBar[] };

const waitKinds: Record<AttemptRecord["outcome"], SegmentKind | null> = {
  aws: "aws",
  slot: "slot",
  retry: "retry",
  done: null,
  failed: null,
};

function attemptSegments(attempt: AttemptRecord): Segment[] {
  const slotEnd = attempt.start + Math.min(attempt.slotMs ?? 0, attempt.end - attempt.start);
  return [
    ...(slotEnd > attempt.start ? [{ kind: "slot" as const, start: attempt.start, end: slotEnd }] : []),
    { kind: "working", start: slotEnd, end: attempt.end },
  ];
}

function segmentsOf(step: WaterfallStep, now: number): Segment[] {
  const log = step.attemptLog;
  const startedAt = step.startedAt ? Date.parse(step.startedAt) : null;
  if (log.length === 0) {
    // A row from before attempt logs, or a first attempt still in progress: one working span.
    if (startedAt === null) return [];
    const end = step.finishedAt ? Date.parse(step.finishedAt) : now;
    return [{ kind: "working", start: startedAt, end: Math.max(end, startedAt) }];
  }
  const segments = log.flatMap((attempt, index) => {
    const wait = waitKinds[attempt.outcome];
    const next = log[index + 1]?.start ?? (step.status === "running" ? startedAt : now);
    const waitEnd = Math.max(next ?? now, attempt.end);
    return [
      ...attemptSegments(attempt),
      ...(wait && waitEnd > attempt.end
        ? [{ kind: wait, start: attempt.end, end: waitEnd, reason: attempt.reason }]
        : []),
    ];
  });
  const last = log.at(-1);
  if (step.status === "running" && startedAt !== null && last && startedAt >= last.end)
    segments.push({ kind: "working", start: startedAt, end: Math.max(now, startedAt) });
  return segments;
}

function barOf(step: WaterfallStep, now: number): WaterfallBar {
  const segments = segmentsOf(step, now);
  const totals: Record<SegmentKind, number> = { working: 0, aws: 0, slot: 0, retry: 0 };
  for (const segment of segments) totals[segment.kind] += segment.end - segment.start;
  return {
    stepId: step.stepId,
    title: step.title,
    status: step.status,
    start: segments[0]?.start ?? null,
    end: segments.at(-1)?.end ?? null,
    segments,
    totals,
    retries: step.attemptLog.filter((attempt) => attempt.outcome === "retry").length,
    failed: step.status === "failed",
    critical: false,
  };
}

/** Walks back from the step that ended last through, each time, the dependency that ended last. */
function criticalPath(steps: readonly WaterfallStep[], bars: Map<string, WaterfallBar>): Set<string> {
  const endOf = (stepId: string) => bars.get(stepId)?.end ?? -Infinity;
  const latest = (ids: readonly string[]) =>
    ids.filter((id) => (bars.get(id)?.end ?? null) !== null).sort((left, right) => endOf(right) - endOf(left))[0];
  const path = new Set<string>();
  for (let current = latest(steps.map((step) => step.stepId)); current && !path.has(current);) {
    path.add(current);
    current = latest(steps.find((step) => step.stepId === current)?.dependsOn ?? []);
  }
  return path;
}

export function runWaterfall(steps: readonly WaterfallStep[], now: number): Waterfall {
  const bars = new Map(steps.map((step) => [step.stepId, barOf(step, now)]));
  const critical = criticalPath(steps, bars);
  const ordered = [...bars.values()]
    .map((bar) => ({ ...bar, critical: critical.has(bar.stepId) }))
    .sort((left, right) => (left.start ?? Infinity) - (right.start ?? Infinity));
  const started = ordered.filter((bar) => bar.start !== null);
  const start = Math.min(...started.map((bar) => bar.start as number));
  const end = Math.max(...started.map((bar) => bar.end as number));
  return started.length > 0
    ? { start, end: Math.max(end, start + 1), bars: ordered }
    : { start: now, end: now + 1, bars: ordered };
}

/** The catalogue's duration messages (`waterfall.duration`): "{ms} ms", "{seconds} s", "{minutes} min {seconds} s". */
export type DurationWords = (unit: "ms" | "seconds" | "minutes", values: Record<string, number>) => string;

/** A duration as people read it, in the unit that suits it: "850 ms", "12.4 s", "3 min 5 s" (or "3 分 5 秒"). */
export function formatDuration(ms: number, words: DurationWords): string {
  if (ms < 1_000) return words("ms", { ms: Math.round(ms) });
  if (ms < 60_000) return words("seconds", { seconds: Math.round(ms / 100) / 10 });
  const minutes = Math.floor(ms / 60_000);
  return words("minutes", { minutes, seconds: Math.round((ms % 60_000) / 1_000) });
}
