import { validate } from "@readme/openapi-parser";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translatable";
import { maxOpenApiBytes } from "./openapi-size";

// An owning team's OpenAPI document, checked before it is stored: YAML or JSON text (YAML 1.2 reads JSON as is),
// at most 256 KiB, an OpenAPI 3.x document that @readme/openapi-parser finds valid. Every refusal is a 422 naming
// the field `document` and the line of the document the problem is on, so a team can fix it in their editor. The
// parser's and the validator's own words are relayed as they wrote them (in English); Gatehouse's are catalogue keys.

export type OpenApiOperation = { path: string; method: string; summary: string | null };
export type ParsedOpenApi = { title: string; version: string; operations: OpenApiOperation[] };

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function refused(message: string): AppError {
  return new AppError(
    "VALIDATION_FAILED",
    { key: "errors.catalog.invalidDocument", values: { reason: message } },
    { fieldErrors: { document: [message] } },
  );
}

/** A refusal in Gatehouse's own words: the same catalogue message for the answer and the field. */
function refusedBecause(key: MessageKey & `validation.catalog.${string}`): AppError {
  return new AppError("VALIDATION_FAILED", { key }, { fieldErrors: { document: [key] } });
}

type Path = (string | number)[];
const pathKey = (path: Path) => JSON.stringify(path);

/** Every key and list item of a parsed document, by its path, with the line (1-based) it starts on. */
function linesByPath(document: Document, lines: LineCounter): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const start = (pair.key as Node | null)?.range?.[0];
        if (start !== undefined) found.set(pathKey([...path, key]), lines.linePos(start).line);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined) found.set(pathKey([...path, index]), lines.linePos(start).line);
        walk(item, [...path, index]);
      });
    }
  };
  walk(document.contents, []);
  return found;
}

function read(text: string): { document: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    throw refused(`line ${lines.linePos(error.pos[0]).line}: ${error.message.split("\n")[0]}`);
  }
  return { document, lines };
}

// The validator reports its errors with a code frame of the document as JSON.stringify(value, null, 2) prints it;
// the line it marks is mapped back through the path of that line to the line of the team's own text.
function lineInSource(message: string, value: unknown, source: Map<string, number>): number | undefined {
  const marked = /^>\s*(\d+)\s*\|/m.exec(message)?.[1];
  if (!marked) return undefined;
  const printed = read(JSON.stringify(value, null, 2));
  const printedLines = linesByPath(printed.document, printed.lines);
  for (const [path, line] of printedLines) if (line === Number(marked)) return source.get(path);
  return undefined;
}

export async function parseOpenApiDocument(text: string): Promise<ParsedOpenApi> {
  if (Buffer.byteLength(text, "utf8") > maxOpenApiBytes) throw refusedBecause("validation.catalog.documentTooLarge");
  if (text.trim() === "") throw refusedBecause("validation.catalog.documentEmpty");
  const { document, lines } = read(text);
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const source = linesByPath(document, lines);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw refusedBecause("validation.catalog.notAnObject");
  const openapi = (value as { openapi?: unknown }).openapi;
  if (typeof openapi !== "string" || !/^3\.\d+\.\d+/.test(openapi)) {
    const line = source.get(pathKey(["openapi"])) ?? 1;
    throw refused(`line ${line}: \`openapi\` must be a 3.x version such as "3.1.0" (Swagger 2.0 is not accepted).`);
  }
  // The validator dereferences in place: it gets a copy, and never fetches anything (no external $ref).
  const result = await validate(structuredClone(value) as never, { resolve: { external: false } });
  if (!result.valid) {
    const [first] = result.errors;
    const message = first?.message ?? "invalid.";
    const line = lineInSource(message, value, source);
    throw refused(`${line ? `line ${line}: ` : ""}${message.split("\n")[0]?.trim()}`);
  }
  return summarize(value as { info?: { title?: unknown; version?: unknown }; paths?: Record<string, unknown> });
}

function summarize(value: { info?: { title?: unknown; version?: unknown }; paths?: Record<string, unknown> }) {
  const operations = Object.entries(value.paths ?? {}).flatMap(([path, item]) =>
    Object.entries((item ?? {}) as Record<string, { summary?: unknown }>)
      .filter(([method]) => httpMethods.includes(method))
      .map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        summary: typeof operation?.summary === "string" ? operation.summary : null,
      })),
  );
  return { title: String(value.info?.title ?? ""), version: String(value.info?.version ?? ""), operations };
}
