import type { RestRoute } from "../core/service";

/** Finds the route whose method and path template match; path parameters are URL-decoded (ARNs arrive encoded). */
export function matchRoute(
  routes: readonly RestRoute[],
  method: string,
  path: string,
): { route: RestRoute; pathParams: Record<string, string> } | { methodMismatch: boolean } {
  const segments = path.split("/").filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const pathParams = matchTemplate(route.path, segments);
    if (!pathParams) continue;
    pathMatched = true;
    if (route.method === method) return { route, pathParams };
  }
  return { methodMismatch: pathMatched };
}

function matchTemplate(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split("/").filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? "";
    if (part.startsWith("{") && part.endsWith("}")) params[part.slice(1, -1)] = decodeURIComponent(segment);
    else if (part !== segment) return undefined;
  }
  return params;
}
