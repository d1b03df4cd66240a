import { apiRoute } from "@/lib/http/api-route";
import { isPlatformAdmin } from "@/lib/auth/permissions";

// GET /api/me – who the caller is and what their memberships allow.
export const GET = apiRoute({ access: "user" }, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isPlatformAdmin: isPlatformAdmin(user),
  memberships: user.memberships,
}));
