// The largest OpenAPI document a team may attach, and the one route whose body may be that large: kept apart from
// the parser so the proxy (which raises the /api body cap for that route only) does not load the validator.

export const maxOpenApiBytes = 256 * 1024;

export const openApiDocumentPath = /^\/api\/catalog\/[^/]+\/openapi$/;
