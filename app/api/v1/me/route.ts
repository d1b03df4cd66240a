import { isPlatformAdmin } from "@/lib/auth/permissions";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route(v1Operations["GET /api/v1/me"], async ({ caller }) => ({
  id: caller.user.id,
  email: caller.user.email,
  name: caller.user.name,
  isPlatformAdmin: isPlatformAdmin(caller.user),
  memberships: caller.user.memberships,
  token: caller.token ? { name: caller.token.name } : null,
}));
