import type { Metadata } from "next";
import Link from "next/link";
import { CatalogHealthLabel } from "@/components/catalog/catalog-health";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { pageUser } from "@/lib/auth/current-user";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "API catalog" };

// Every exposed API, for every signed-in user: what it is, who owns it and whom to ask, where to call it, whether it
// works, and how to get access.
export default async function CatalogPage() {
  const user = await pageUser();
  const entries = await listCatalog(db(), user);
  return (
    <>
      <h1>API catalog</h1>
      {entries.length === 0 ? (
        <EmptyState title="No API is exposed yet">
          <p>Active exposures appear here for every team, with their OpenAPI description when the owners attach one.</p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Exposed APIs by name"
          columns={["API", "Team", "Description", "Contact", "Invoke URLs", "Health", "Consumers", "Access"]}
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Link href={`/catalog/${entry.id}`}>{entry.apiName}</Link> <span className="mono">/{entry.stage}</span>
                {entry.status === "active" ? null : <div>being retired</div>}
                <div>{entry.openApiUpdatedAt ? "OpenAPI document" : "No API description yet"}</div>
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
                <Link href={`/catalog/${entry.id}/access`}>Request access</Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
