import { createPrismaClient } from "@/lib/db/prisma-client";
import { seedDemoAccounts, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { env } from "@/lib/env";

// `npm run db:seed`: the demo organisation, for a demo or a development database. Idempotent.
const url = env().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL: required");
  process.exit(1);
}
const db = createPrismaClient(url);
const { created } = await seedDemoOrganisation(db);
console.log(created ? "demo organisation seeded" : "demo organisation already present");
const { created: accountsCreated } = await seedDemoAccounts(db);
console.log(accountsCreated ? "demo AWS accounts registered" : "demo AWS accounts already present");
await db.$disconnect();
