import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("apiPageTitle") };
}

type Params = Promise<{ id: string }>;

// One API of the catalog: its entry for everyone, the edit forms for its owning team, and its OpenAPI document
// rendered.
export default async function CatalogApiPage({ params }: { params: Params }) {
  const [user, { id }] = await Promise.all([pageUser(), params]);
  const [api, t] = await Promise.all([orNotFound(getCatalogApi(db(), user, id)), getTranslations("catalog")]);
  return (
    <>
      <div className={layout.actions}>
        <h1>
          {api.apiName} <span className="mono">/{api.stage}</span>
        </h1>
        <Link href={`/catalog/${api.id}/access`} className="button primary">
          {t("requestAccess")}
        </Link>
      </div>
      <dl className={`${layout.details} card`}>
        <dt>{t("column.team")}</dt>
        <dd>{api.team.name}</dd>
        <dt>{t("column.description")}</dt>
        <dd>{api.description ?? "—"}</dd>
        <dt>{t("column.contact")}</dt>
        <dd>{api.contact ?? "—"}</dd>
        <dt>{t("detail.stage")}</dt>
        <dd className="mono">{api.stage}</dd>
        <dt>{t("detail.region")}</dt>
        <dd className="mono">{api.region}</dd>
        <dt>{t("column.invokeUrls")}</dt>
        <dd className="mono">
          {api.invokeUrls.map((url) => (
            <div key={url}>{url}</div>
          ))}
        </dd>
        <dt>{t("column.health")}</dt>
        <dd>
          <CatalogHealthLabel health={api.health} />
        </dd>
        <dt>{t("detail.consumerEndpoints")}</dt>
        <dd>{api.consumers}</dd>
      </dl>
      {api.openApiDocument ? (
        <OpenApiViewer document={api.openApiDocument} />
      ) : (
        <EmptyState title={t("noDescription")}>
          <p>{api.contact ? t("attachHintAsk", { contact: api.contact }) : t("attachHint")}</p>
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
