import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditActor } from "./record-audit-event";

// While /api/v1 serves a token-authenticated request, events its user causes are recorded as `token:<name>`, so the
// audit log tells automation from the person. The domain code keeps passing the user as the actor; this is the one
// place that knows a token was involved.

type TokenInUse = { userId: string; name: string };

const tokenInUse = new AsyncLocalStorage<TokenInUse>();

export function actingThroughToken<T>(token: TokenInUse, work: () => Promise<T>): Promise<T> {
  return tokenInUse.run(token, work);
}

export function auditActorLabel(actor: AuditActor): string {
  const token = tokenInUse.getStore();
  return token && actor.id === token.userId ? `token:${token.name}` : actor.label;
}
