import type { ApiResource, Method } from "../model/apigateway";

// API Gateway's request routing: the most specific resource whose path template matches wins (a literal segment
// beats `{param}`, which beats the greedy `{proxy+}`, which needs at least one segment), then the exact HTTP method,
// else ANY on that resource.

export type MatchedMethod = { resource: ApiResource; method: Method; pathParameters: Record<string, string> };

type SegmentMatch = { pathParameters: Record<string, string>; specificity: number[] };

const literal = 3;
const parameter = 2;
const greedy = 1;

function matchTemplate(template: string, path: string): SegmentMatch | undefined {
  const templateSegments = template.split("/").filter(Boolean);
  const pathSegments = path.split("/").filter(Boolean);
  const pathParameters: Record<string, string> = {};
  const specificity: number[] = [];
  for (const [position, segment] of templateSegments.entries()) {
    const greedyName = /^\{(.+)\+\}$/.exec(segment)?.[1];
    if (greedyName) {
      const rest = pathSegments.slice(position);
      if (rest.length === 0 || position !== templateSegments.length - 1) return undefined;
      pathParameters[greedyName] = rest.join("/");
      return { pathParameters, specificity: [...specificity, greedy] };
    }
    const value = pathSegments[position];
    if (value === undefined) return undefined;
    const parameterName = /^\{(.+)\}$/.exec(segment)?.[1];
    if (parameterName) pathParameters[parameterName] = value;
    else if (segment !== value) return undefined;
    specificity.push(parameterName ? parameter : literal);
  }
  return templateSegments.length === pathSegments.length ? { pathParameters, specificity } : undefined;
}

function moreSpecific(a: number[], b: number[]): number {
  for (let position = 0; position < Math.max(a.length, b.length); position += 1) {
    const difference = (b[position] ?? 0) - (a[position] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The method a request reaches, or undefined (API Gateway then answers 403 "Missing Authentication Token"). */
export function matchMethod(
  resources: readonly ApiResource[],
  httpMethod: string,
  path: string,
): MatchedMethod | undefined {
  const [best] = resources
    .flatMap((resource) => {
      const match = matchTemplate(resource.path, path);
      return match ? [{ resource, ...match }] : [];
    })
    .sort((a, b) => moreSpecific(a.specificity, b.specificity));
  if (!best) return undefined;
  const method = best.resource.methods[httpMethod.toUpperCase()] ?? best.resource.methods.ANY;
  return method ? { resource: best.resource, method, pathParameters: best.pathParameters } : undefined;
}
