"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useMemo } from "react";

// Scalar's API reference, fed the document inline. Nothing leaves the portal: no web fonts (the CSP allows fonts from
// our origin only), no telemetry, no agent or MCP, no request proxy and no "try it" client (the APIs are private:
// a browser outside the VPC cannot call them anyway). connect-src 'self' would block any of those calls regardless.
export default function OpenApiReference({ document }: { document: string }) {
  const configuration = useMemo(
    () => ({
      content: document,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      hideClientButton: true,
      hideTestRequestButton: true,
      hideDarkModeToggle: true,
      showDeveloperTools: "never" as const,
      documentDownloadType: "none" as const,
      layout: "modern" as const,
    }),
    [document],
  );
  return <ApiReferenceReact configuration={configuration} />;
}
