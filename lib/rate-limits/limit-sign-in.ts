import { enforceRateLimit } from "./enforce-rate-limit";
import type { Db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";

// Sign-in attempts are the callbacks of next-auth (`/api/auth/callback/<provider>`): the demo provider's form post and
// the IdP's redirect back. Each counts against the client's address, and a demo sign-in also against the email it
// names, so guessing through many addresses still meets the per-email limit.

/** Counts a sign-in attempt (nothing else of next-auth's routes); throws the 429 AppError past the limit. */
export async function limitSignIn(db: Db, request: Request, route: readonly string[]): Promise<void> {
  if (route[0] !== "callback") return;
  await enforceRateLimit(db, "signIns", `client:${clientAddress(request)}`);
  const email = request.method === "POST" ? await postedEmail(request) : undefined;
  if (email) await enforceRateLimit(db, "signIns", `email:${email}`);
}

async function postedEmail(request: Request): Promise<string | undefined> {
  try {
    const email = (await request.clone().formData()).get("email");
    return typeof email === "string" && email.trim() !== "" ? email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
