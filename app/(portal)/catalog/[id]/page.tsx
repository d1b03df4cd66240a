import type { Metadata } from "next";
import Link from "next/link";
import { CatalogEntryForm } from "@/components/catalog/catalog-entry-form";
import { CatalogHealthLabel } from "@/components/catalog/catalog-health";
import { OpenApiUpload } from "@/components/catalog/openapi-upload";
import { OpenApiViewer } from "@/components/catalog/openapi-viewer";
import { EmptyState } from "@/components/empty-state";
import layout from "@/components/page-layout.module.css";
import { pageUser } from "@/lib/auth/current-user";
import { getCatalogApi } from "@/lib/catalog/list-catalog";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "API" };

type Params = Promise<{ id: string }>;

// One API of the catalog: its entry for everyone, the edit forms for its owning team, and its OpenAPI document
// rendered.
export default async function CatalogApiPage({ params }: { params: Params }) {
  const [user, { id }] = await Promise.all([pageUser(), params]);
  const api = await orNotFound(getCatalogApi(db(), user, id));
  return (
    <>
      <div className={layout.actions}>
        <h1>
          {api.apiName} <span className="mono">/{api.stage}</span>
        </h1>
        <Link href={`/catalog/${api.id}/access`} className="button primary">
          Request access
        </Link>
      </div>
      <dl className={`${layout.details} card`}>
        <dt>Team</dt>
        <dd>{api.team.name}</dd>
        <dt>Description</dt>
        <dd>{api.description ?? "—"}</dd>
        <dt>Contact</dt>
        <dd>{api.contact ?? "—"}</dd>
        <dt>Stage</dt>
        <dd className="mono">{api.stage}</dd>
        <dt>Region</dt>
        <dd className="mono">{api.region}</dd>
        <dt>Invoke URLs</dt>
        <dd className="mono">
          {api.invokeUrls.map((url) => (
            <div key={url}>{url}</div>
          ))}
        </dd>
        <dt>Health</dt>
        <dd>
          <CatalogHealthLabel health={api.health} />
        </dd>
        <dt>Consumer endpoints</dt>
        <dd>{api.consumers}</dd>
      </dl>
      {api.openApiDocument ? (
        <OpenApiViewer document={api.openApiDocument} />
      ) : (
        <EmptyState title="No API description yet">
          <p>The owning team can attach an OpenAPI 3.x document{api.contact ? `; ask ${api.contact}` : ""}.</p>
        </EmptyState>
      )}
      {api.canEdit ? (
        <>
          <CatalogEntryForm
            id={api.id}
            description={api.description}
            contact={api.contact}
            buildFromOpenApi={api.openApiDocument ? api.buildFromOpenApi : undefined}
          />
          <OpenApiUpload id={api.id} current={api.openApiDocument} />
        </>
      ) : null}
    </>
  );
}
