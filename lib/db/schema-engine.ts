import { randomUUID } from "node:crypto";
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
const panicRegistry = {
  message: "",
  set_message(message: string) {
    panicRegistry.message = message;
  },
};

async function loadGlue(): Promise<Glue> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const glueModule = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = readFileSync(join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glueModule as unknown as WebAssembly.ModuleImports,
  });
  glueModule.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glueModule;
}

type Queryable = {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(text: string): Promise<unknown> };
};
type Adapter = { executeScript(script: string): Promise<void>; dispose(): Promise<void> };
type AdapterFactory = { connect(): Promise<unknown>; connectToShadowDb(): Promise<unknown> };

const pgCharOid = 18;
const pgTextOid = 25;

/**
 * Two gaps of @prisma/adapter-pg 7.10 under the schema engine, closed here:
 * - the engine reads PostgreSQL's catalog, whose single-byte `"char"` columns (pg_class.relkind, …) the adapter
 *   rejects as an unsupported type; their values arrive as strings, so reading them as text is exact;
 * - the adapter runs a migration script by splitting it on every `;`, which breaks dollar-quoted function bodies;
 *   PostgreSQL runs a whole multi-statement script itself, as the native engine lets it.
 */
function patchAdapter<T>(queryable: T): T {
  const target = queryable as unknown as Queryable & { startTransaction?: (...args: unknown[]) => Promise<unknown> };
  target.executeScript = async (script) => {
    await target.underlyingDriver().query(script);
  };
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === pgCharOid) field.dataTypeID = pgTextOid;
    return result;
  };
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => patchAdapter(await startTransaction(...args));
  return queryable;
}

/**
 * @prisma/adapter-pg 7.10 creates its shadow database but then connects with the original connection string, which
 * wins over the database name, so migrations would be replayed into the main database. This factory connects to the
 * shadow database by URL and drops it afterwards.
 */
function adapterFactory(databaseUrl: string): AdapterFactory {
  const main = new PrismaPg({ connectionString: databaseUrl });
  return Object.assign(Object.create(main) as AdapterFactory, {
    connect: async () => patchAdapter(await main.connect()),
    connectToShadowDb: async () => {
      const admin = (await main.connect()) as unknown as Adapter;
      const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      const shadow = patchAdapter(
        (await new PrismaPg({ connectionString: url.toString() }).connect()) as unknown as Adapter,
      );
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  });
}

/** A schema engine for `schemaPath`, connected to `databaseUrl` (its shadow databases are created on that server). */
export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<SchemaEngine> {
  glue ??= loadGlue();
  const { SchemaEngine } = await glue;
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(databaseUrl) as PrismaPg);
  const log = () => undefined;
  return SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] }, log, adapter);
}
