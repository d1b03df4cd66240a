// Four-eyes: nobody decides a request they submitted, nor a decommission they asked for. One rule for the server's
// refusal and for the request page, which shows the reason instead of buttons the server would refuse.

export type DecisionKind = "exposure" | "decommission";

export function fourEyesRefusal(
  actorId: string,
  request: { requesterId: string; decommissionRequesterId?: string | null },
  kind: DecisionKind,
): string | null {
  if (request.requesterId === actorId)
    return "You submitted this request, so another platform admin must decide it (four-eyes).";
  if (kind === "decommission" && request.decommissionRequesterId === actorId)
    return "You asked for this decommission, so another platform admin must decide it (four-eyes).";
  return null;
}
