import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

// The App Router's routes as files on disk, for the tests that insist every route is documented and authorized.

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every file named `fileName` under `root`, as its URL path: route groups dropped, `[id]` as `{id}`. */
export function routeFiles(root: string, fileName: "route.ts" | "page.tsx"): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === fileName) found.push({ file: full, path: urlPathOf(relative(root, directory)) });
    }
  };
  walk(root);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

function urlPathOf(directory: string): string {
  const segments = directory
    .split(sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[\.\.\.(\w+)\]$/, "{...$1}").replace(/^\[(\w+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}
