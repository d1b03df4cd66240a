import { z } from "zod";

// Signs a user in the way the sign-in page does with demo sign-in (next-auth's CSRF token, then the demo provider's
// callback, from loopback) and answers the session cookie every later request carries. Both web processes share the
// AUTH_SECRET, so the cookie works on either, exactly as behind a load balancer.

const csrfAnswer = z.object({ csrfToken: z.string().min(1) });

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
}

export async function demoSessionCookie(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = csrfAnswer.parse(await csrf.json());
  const signIn = await fetch(`${baseUrl}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
      cookie: cookiesOf(csrf).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  const session = cookiesOf(signIn).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`demo sign-in of ${email} gave no session cookie (HTTP ${signIn.status})`);
  return session;
}
