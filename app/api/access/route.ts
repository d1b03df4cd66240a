import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { listGrantsOfMyTeams } from "@/lib/access/list-access-grants";

// GET /api/access – the grants the caller's teams hold as consumers.
export const GET = apiRoute({ access: "user" }, ({ user }) => listGrantsOfMyTeams(db(), user));
