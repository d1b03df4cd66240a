import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { getRequestDetails } from "@/lib/requests/request-details";

// A run is visible exactly when its request is: the request's details decide, and carry the run's steps.
export const GET = v1Route(v1Operations["GET /api/v1/runs/{id}"], async ({ caller, params }) => {
  const notFound = new AppError("NOT_FOUND", "No such run, or its request belongs to a team you are not in.");
  const run = await db().provisioningRun.findUnique({ where: { id: params.id ?? "" }, select: { requestId: true } });
  if (!run) throw notFound;
  const details = await getRequestDetails(db(), caller.user, run.requestId).catch(() => {
    throw notFound;
  });
  const view = details.runs.find((candidate) => candidate.id === params.id);
  if (!view) throw notFound;
  return { ...view, requestId: run.requestId };
});
