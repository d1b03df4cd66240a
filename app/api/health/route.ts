import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

// GET /api/health – 200 when the database answers within two seconds, 503 otherwise. No authentication.
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 2000)),
    ]);
    return NextResponse.json({ status: "ok" });
  } catch {
    return NextResponse.json({ status: "unavailable", reason: "database unreachable" }, { status: 503 });
  }
}
