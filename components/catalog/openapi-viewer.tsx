"use client";

import dynamic from "next/dynamic";

// The renderer runs in the browser only (it mounts a Vue app into the page) and is loaded with the API page, not with
// every page of the portal.
const OpenApiReference = dynamic(() => import("./openapi-reference"), {
  ssr: false,
  loading: () => <p>Loading the API description…</p>,
});

export function OpenApiViewer({ document }: { document: string }) {
  return (
    <section aria-label="API reference" className="card">
      <OpenApiReference document={document} />
    </section>
  );
}
