import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { wizardOptions } from "@/lib/requests/wizard-options";

// GET /api/requests/options – the user's teams with their verified application accounts, and the hub regions.
export const GET = apiRoute({ access: "user" }, ({ user }) => wizardOptions(db(), user));
