import { NextResponse } from "next/server";
import { attachOpenApiDocument, removeOpenApiDocument } from "@/lib/catalog/attach-openapi-document";
import { maxOpenApiBytes } from "@/lib/catalog/openapi-size";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { readLimitedText } from "@/lib/http/request-body";

type Context = { params: Promise<{ id: string }> };

// PUT /api/catalog/:id/openapi – the owning team attaches its OpenAPI 3.x document, sent as the body itself (YAML or
// JSON text, up to 256 KiB: the one route the proxy lets past 64 KiB). 422 naming the line when it is not valid.
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    const text = await readLimitedText(request, maxOpenApiBytes);
    return attachOpenApiDocument(db(), user, { id: user.id, label: user.email }, id, text);
  })(request);
}

// DELETE /api/catalog/:id/openapi – the owning team removes it (204).
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    await removeOpenApiDocument(db(), user, { id: user.id, label: user.email }, id);
    return new NextResponse(null, { status: 204 });
  })(request);
}
