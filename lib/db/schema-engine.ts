import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's schema engine compiled to WebAssembly: the same migration planner as the native CLI, without the binary
// download the CLI needs. The package's entry imports the .wasm as an ES module, which Node cannot do, so the module
// is instantiated here by hand against its JS glue.

const require = createRequire(import.meta.url);

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let glue: Promise<Glue> | undefined;

// The engine reports a Rust panic's message through this global before it throws; without it the message is lost.
const panicRegistry = { message: "", set_message(message: string) { panicRegistry.message = message; } };

async function loadGlue(): Promise<Glue> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const glueModule = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = readFileSync(join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glueModule as unknown as WebAssembly.ModuleImports });
  glueModule.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glueModule;
}

type Queryable = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
type AdapterFactory = { connect(): Promise<unknown>; connectToShadowDb(): Promise<unknown> };

const pgCharOid = 18;
const pgTextOid = 25;

/**
 * The engine reads PostgreSQL's catalog, whose single-byte `"char"` columns (pg_class.relkind, …) @prisma/adapter-pg
 * 7.10 rejects as an unsupported type. Their values arrive as strings, so reading them as text is exact.
 */
function readCharAsText(factory: AdapterFactory): AdapterFactory {
  const patch = <T>(queryable: T): T => {
    const target = queryable as unknown as Queryable & { startTransaction?: (...args: unknown[]) => Promise<unknown> };
    const performIO = target.performIO.bind(target);
    target.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) if (field.dataTypeID === pgCharOid) field.dataTypeID = pgTextOid;
      return result;
    };
    const startTransaction = target.startTransaction?.bind(target);
    if (startTransaction) target.startTransaction = async (...args) => patch(await startTransaction(...args));
    return queryable;
  };
  return Object.assign(Object.create(factory) as AdapterFactory, {
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  });
}

/** A schema engine for `schemaPath`, connected to `databaseUrl` (its shadow databases are created on that server). */
export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<SchemaEngine> {
  glue ??= loadGlue();
  const { SchemaEngine } = await glue;
  const factory = readCharAsText(new PrismaPg({ connectionString: databaseUrl }));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory as PrismaPg);
  const log = () => undefined;
  return SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] }, log, adapter);
}
