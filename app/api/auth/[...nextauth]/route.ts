import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext) {
  const handler = NextAuth(authOptions());
  return handler(request, { params: await context.params });
}

export { handle as GET, handle as POST };
