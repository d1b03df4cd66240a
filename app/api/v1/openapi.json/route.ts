import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/http/v1-openapi";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document of /api/v1. Public: it describes the API, it holds no data.
export function GET(request: Request): Response {
  return NextResponse.json(openApiDocument(new URL(request.url).origin));
}
