// restApi.deploy records the invoke URLs (the endpoint-specific and the private-DNS form): read from the latest
// successful deploy of a provision run or of a move to another hub (which made a new REST API, so new URLs), oldest
// run first in `runs`, for the request page and the catalog alike.

type RunWithSteps = { kind: string; steps: { stepId: string; status: string; outputs: unknown }[] };

export function invokeUrlsOf(runs: RunWithSteps[]): string[] {
  const deploy = runs
    .filter((run) => run.kind === "provision" || run.kind === "move")
    .flatMap((run) => run.steps)
    .findLast((step) => step.stepId === "restApi.deploy" && step.status === "succeeded");
  return Object.values((deploy?.outputs as Record<string, unknown> | undefined) ?? {}).filter(
    (value): value is string => typeof value === "string" && value.startsWith("https://"),
  );
}
