import { defineConfig } from "prisma/config";

// The CLI reads DATABASE_URL only for migrate/introspect commands; `generate` needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
