import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { CatalogHealth } from "@/lib/catalog/catalog-entry";
import type { StepId } from "@/lib/provisioning/hops/registry";

/** The last verify's verdict in words: healthy, the broken hop, or never verified. */
export function CatalogHealthLabel({ health }: { health: CatalogHealth | null }) {
  const t = useTranslations("catalog.health");
  const hops = useTranslations("hops");
  const format = useFormatter();
  if (!health) return <span>{t("notVerified")}</span>;
  const mono = (chunks: ReactNode) => <span className="mono">{chunks}</span>;
  const when = format.dateTime(new Date(health.checkedAt), "minute");
  if (health.healthy) {
    const healthy = t.rich("healthy", { when, mono });
    return <span>{healthy}</span>;
  }
  const { brokenHop, reason } = health;
  // A hop the catalogue knows by its title; anything else (an older run's step) by its ID.
  const hop = !brokenHop ? t("unknownHop") : hops.has(brokenHop as StepId) ? hops(brokenHop as StepId) : brokenHop;
  const verdict = reason
    ? t.rich("brokenBecause", { hop, when, reason, mono })
    : t.rich("brokenAt", { hop, when, mono });
  return <span>{verdict}</span>;
}
