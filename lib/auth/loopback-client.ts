import { isIP } from "node:net";
import { forwardedHops, type RequestHeaders } from "@/lib/http/client-address";

// Demo sign-in is for one machine: the demo provider signs in only a client on loopback.
//
// Under `next start` a route handler (and so next-auth's authorize) learns the client's address only from
// X-Forwarded-For, and Next.js fills that header from the socket only when the client sent none
// (next/dist/server/base-server.js: `x-forwarded-for ??= socket.remoteAddress`): a remote client's own header would
// pass through unchanged. The header is therefore believed only when no remote peer can connect at all, i.e. when the
// web server listens on a loopback address (the launcher's `next start -H 127.0.0.1` in demo mode; Next.js records
// the address it listens on in __NEXT_PRIVATE_ORIGIN, and `http://localhost:…` when it listens on every interface).
// Then every hop in the header must be loopback too, so a local reverse proxy cannot relay a remote client.

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const ipv4 = bare.toLowerCase().startsWith("::ffff:") ? bare.slice("::ffff:".length) : bare;
  if (isIP(ipv4) === 4) return ipv4.startsWith("127.");
  // The URL parser writes IPv6 in its canonical form, so every spelling of ::1 compares equal.
  return isIP(bare) === 6 && new URL(`http://[${bare}]`).hostname === "[::1]";
}

/** Whether the server's own origin (as Next.js records it when listening) is a loopback IP address. */
export function listensOnLoopbackOnly(serverOrigin: string | undefined): boolean {
  if (!serverOrigin) return false;
  try {
    return isLoopbackAddress(new URL(serverOrigin).hostname);
  } catch {
    return false;
  }
}

/** Whether the request comes from this machine, judged as above from its headers and the server's listen address. */
export function isLoopbackClient(headers: RequestHeaders, serverOrigin: string | undefined): boolean {
  if (!listensOnLoopbackOnly(serverOrigin)) return false;
  const hops = forwardedHops(headers);
  return hops.length > 0 && hops.every(isLoopbackAddress);
}
