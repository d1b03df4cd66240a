"use client";

import { z } from "zod";

// The Content-Security-Policy allows no eval (lib/http/security-headers.ts). Zod 4 compiles object parsers with
// `Function` where it may and probes for that with `Function("")` on the first parse, which the browser reports as a
// CSP violation although zod catches it. Without the JIT zod never probes; our forms parse as fast either way.
z.config({ jitless: true });

/** Rendered once in the root layout so this module runs in every page's bundle before any form parses. */
export function ZodWithoutEval(): null {
  return null;
}
