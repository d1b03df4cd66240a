import { NextResponse } from "next/server";
import { backstageEntities, backstageYaml } from "@/lib/catalog/backstage-entities";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

// GET /api/v1/catalog/backstage – the catalog as Backstage entities; links point at the portal's own origin.
export const GET = v1Route(v1Operations["GET /api/v1/catalog/backstage"], async ({ request, caller, query }) => {
  const origin = env().AUTH_URL ?? new URL(request.url).origin;
  const entities = backstageEntities(await listCatalog(db(), caller.user, true), origin.replace(/\/$/, ""));
  if (query.format === "json") return { items: entities };
  return new NextResponse(backstageYaml(entities), { headers: { "Content-Type": "application/yaml; charset=utf-8" } });
});
