import type { CatalogHealth } from "@/lib/catalog/catalog-entry";

/** The last verify's verdict in words: healthy, the broken hop, or never verified. */
export function CatalogHealthLabel({ health }: { health: CatalogHealth | null }) {
  if (!health) return <span>Not verified yet</span>;
  const when = health.checkedAt.slice(0, 16).replace("T", " ");
  return health.healthy ? (
    <span>
      Healthy <span className="mono">({when} UTC)</span>
    </span>
  ) : (
    <span>
      Broken at {health.brokenHop ?? "an unknown hop"} <span className="mono">({when} UTC)</span>
      {health.reason ? `: ${health.reason}` : null}
    </span>
  );
}
