import { canRerunRequest, canViewRequest } from "./request-permissions";
import type { CurrentUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { rerunAndQueue, type RunQueueDependencies } from "@/lib/provisioning/engine/queued-run-operations";

// Running a request again after its failed run was rolled back: a new provision run (new ClientTokens, the hub as it
// is now), queued like every run. The approval stands; the status check and the audit happen with the run's start.

export async function rerunRequest(
  dependencies: RunQueueDependencies,
  user: CurrentUser,
  requestId: string,
): Promise<string> {
  const request = await dependencies.db.exposureRequest.findUnique({ where: { id: requestId } });
  // Someone who may not see the request learns nothing of it: 404, not 403.
  if (!request || !canViewRequest(user, request)) throw new AppError("NOT_FOUND", { key: "errors.requests.notFound" });
  if (!canRerunRequest(user, request)) throw new AppError("FORBIDDEN", { key: "errors.requests.onlyTeamOrAdminRerun" });
  if (request.status !== "approved")
    throw new AppError("CONFLICT", {
      key: "errors.requests.cannotRerun",
      values: { status: request.status.replaceAll("_", " ") },
    });
  return rerunAndQueue(dependencies, requestId, { id: user.id, label: user.email });
}
