"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";

// The renderer runs in the browser only (it mounts a Vue app into the page) and is loaded with the API page, not with
// every page of the portal.
const OpenApiReference = dynamic(() => import("./openapi-reference"), {
  ssr: false,
  loading: () => <Loading />,
});

function Loading() {
  const t = useTranslations("catalog.openApi");
  return <p>{t("loading")}</p>;
}

export function OpenApiViewer({ document }: { document: string }) {
  const t = useTranslations("catalog.openApi");
  return (
    <section aria-label={t("reference")} className="card">
      <OpenApiReference document={document} />
    </section>
  );
}
