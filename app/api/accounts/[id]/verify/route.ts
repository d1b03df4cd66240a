import { verifyAccount } from "@/lib/accounts/verify-account";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// POST /api/accounts/:id/verify – assume the account's role and check every permission it needs (admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", rateLimit: "verifications" }, ({ user }) =>
    verifyAccount(db(), { id: user.id, label: user.email }, id),
  )(request);
}
