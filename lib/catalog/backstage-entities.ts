import { stringify } from "yaml";
import type { CatalogEntry } from "./catalog-entry";
import type { CatalogApi } from "./list-catalog";

// The catalog as Backstage entities (https://backstage.io/docs/features/software-catalog/descriptor-format#kind-api):
// one `kind: API` per exposure, owned by its team as `group:default/<slug>`, with the team's OpenAPI document as
// `spec.definition`. Backstage's API kind requires a definition, so an API without a document gets a minimal OpenAPI
// document naming its invoke URLs (it proxies every path). Backstage reads a URL location as YAML, one entity per
// document; Port and other tools can ask for the same entities as JSON.

export type BackstageEntity = {
  apiVersion: "backstage.io/v1alpha1";
  kind: "API";
  metadata: {
    name: string;
    title: string;
    description?: string;
    annotations: Record<string, string>;
    tags: string[];
    links: { url: string; title: string }[];
  };
  spec: { type: "openapi"; lifecycle: "production" | "experimental" | "deprecated"; owner: string; definition: string };
};

export type BackstageSource = CatalogApi;

const nonProductionStages = /^(dev|develop|development|test|testing|qa|sandbox|staging|stage|preview)$/i;

/** Retiring → deprecated; a stage named for development or testing → experimental; otherwise production. */
export function lifecycleOf(entry: Pick<CatalogEntry, "status" | "stage">): BackstageEntity["spec"]["lifecycle"] {
  if (entry.status !== "active") return "deprecated";
  return nonProductionStages.test(entry.stage) ? "experimental" : "production";
}

// Entity names: 1–63 characters of [a-zA-Z0-9] separated by single [-_.].
function entityName(text: string): string {
  const name = text
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return name || "api";
}

function minimalDefinition(entry: BackstageSource): string {
  return stringify({
    openapi: "3.0.3",
    info: {
      title: entry.apiName,
      version: entry.stage,
      description: "No OpenAPI document is attached yet: the API forwards every path and method to its backend.",
    },
    servers: entry.invokeUrls.map((url) => ({ url })),
    paths: {},
  });
}

export function backstageEntities(entries: BackstageSource[], portalOrigin: string): BackstageEntity[] {
  const baseNames = entries.map((entry) => entityName(`${entry.apiName}-${entry.stage}`));
  return entries.map((entry, index) => {
    const base = baseNames[index] ?? "api";
    const unique = baseNames.filter((name) => name === base).length === 1;
    const name = unique ? base : `${base.slice(0, 54)}-${entry.id.slice(-8)}`;
    return {
      apiVersion: "backstage.io/v1alpha1",
      kind: "API",
      metadata: {
        name,
        title: entry.apiName,
        ...(entry.description ? { description: entry.description } : {}),
        annotations: {
          "gatehouse.io/exposure-id": entry.id,
          "gatehouse.io/stage": entry.stage,
          "gatehouse.io/region": entry.region,
          ...(entry.contact ? { "gatehouse.io/contact": entry.contact } : {}),
        },
        tags: ["gatehouse", "private-api"],
        links: [
          { url: `${portalOrigin}/catalog/${entry.id}`, title: "Gatehouse catalog page" },
          { url: `${portalOrigin}/catalog/${entry.id}/access`, title: "Request access" },
        ],
      },
      spec: {
        type: "openapi",
        lifecycle: lifecycleOf(entry),
        owner: `group:default/${entry.team.slug}`,
        definition: entry.openApiDocument ?? minimalDefinition(entry),
      },
    };
  });
}

/** Multi-document YAML, the form Backstage's URL reader parses. */
export function backstageYaml(entities: BackstageEntity[]): string {
  return entities.map((entity) => `---\n${stringify(entity, { lineWidth: 0 })}`).join("");
}
