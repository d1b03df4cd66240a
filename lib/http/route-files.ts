import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

// The App Router's routes as files on disk, for the tests that insist every route is documented and authorized.

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every file under `root` whose name passes `matches` (generated code skipped). */
export function filesUnder(root: string, matches: (name: string) => boolean): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = join(root, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : filesUnder(full, matches);
    return matches(entry.name) ? [full] : [];
  });
}

/** Every `route.ts` or `page.tsx` under `root`, with its URL path: route groups dropped, `[id]` as `{id}`. */
export function routeFiles(root: string, fileName: "route.ts" | "page.tsx"): { file: string; path: string }[] {
  return filesUnder(root, (name) => name === fileName)
    .map((file) => ({ file, path: urlPathOf(relative(root, file)) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function urlPathOf(file: string): string {
  const segments = file
    .split(sep)
    .slice(0, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\.\.\.)?(\w+)\]$/, "{$1$2}"));
  return `/${segments.join("/")}`;
}
