import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CatalogHealthLabel } from "@/components/catalog/catalog-health";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { pageUser } from "@/lib/auth/current-user";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog");
  return { title: t("title") };
}

const columns = ["api", "team", "description", "contact", "invokeUrls", "health", "consumers", "access"] as const;

// Every exposed API, for every signed-in user: what it is, who owns it and whom to ask, where to call it, whether it
// works, and how to get access.
export default async function CatalogPage() {
  const user = await pageUser();
  const [entries, t] = await Promise.all([listCatalog(db(), user), getTranslations("catalog")]);
  return (
    <>
      <h1>{t("title")}</h1>
      {entries.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <DataTable caption={t("caption")} columns={columns.map((column) => t(`column.${column}`))}>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Link href={`/catalog/${entry.id}`}>{entry.apiName}</Link> <span className="mono">/{entry.stage}</span>
                {entry.status === "active" ? null : <div>{t("beingRetired")}</div>}
                <div>{entry.openApiUpdatedAt ? t("hasOpenApi") : t("noDescription")}</div>
              </td>
              <td>{entry.team.name}</td>
              <td>{entry.description ?? "—"}</td>
              <td>{entry.contact ?? "—"}</td>
              <td className="mono">
                {entry.invokeUrls.map((url) => (
                  <div key={url}>{url}</div>
                ))}
              </td>
              <td>
                <CatalogHealthLabel health={entry.health} />
              </td>
              <td>{entry.consumers}</td>
              <td>
                <Link href={`/catalog/${entry.id}/access`}>{t("requestAccess")}</Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
