import { seedLoadOrg } from "./load-org";
import { approvalQueue } from "@/lib/approvals/approval-queue";
import { loadHome } from "@/lib/home/load-home";
import { getRequestDetails } from "@/lib/requests/request-details";
import { listRequests } from "@/lib/requests/list-requests";
import { createOnServer } from "@/lib/testing/test-database";
import { loadPlatformTopology } from "@/lib/topology/load-topology";
import { topologyResponse } from "@/lib/topology/topology-response";
import { findActiveUser } from "@/lib/users/sign-in";

// What each route of `npm run bench:load` spends on its data, one call at a time in this process (no HTTP, no
// rendering, no concurrency): the same organisation on a throwaway database of TEST_DATABASE_URL, a platform admin's
// view, the mean of 10 calls after 3 warm-ups. Far less sensitive to a busy machine than the load run, so it shows
// what a change to a query did. Run: npx tsx --conditions=react-server scripts/bench/load-data-timings.ts

const server = process.env.TEST_DATABASE_URL;
if (!server) throw new Error("set TEST_DATABASE_URL to a PostgreSQL server");
const database = await createOnServer(server);
try {
  await seedLoadOrg(database.db, 300, 7);
  const admin = await database.db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } });
  const user = await findActiveUser(database.db, admin.id);
  if (!user) throw new Error("the admin did not load");
  const time = async (label: string, call: () => Promise<unknown>) => {
    for (let warmUp = 0; warmUp < 3; warmUp++) await call();
    const started = performance.now();
    for (let run = 0; run < 10; run++) await call();
    console.log(`${label}: ${((performance.now() - started) / 10).toFixed(1)} ms`);
  };
  const active = await database.db.exposureRequest.findFirstOrThrow({ where: { status: "active" } });
  await time("signed-in user (every page)", () => findActiveUser(database.db, admin.id));
  await time("/ loadHome", () => loadHome(database.db, user));
  await time("/requests listRequests", () => listRequests(database.db, user, {}));
  await time("/requests/<id> getRequestDetails", () => getRequestDetails(database.db, user, active.id));
  await time("/approvals approvalQueue", () => approvalQueue(database.db, {}));
  await time("/api/topology loadPlatformTopology", () => loadPlatformTopology(database.db, user));
  const body = await loadPlatformTopology(database.db, user);
  await time("/api/topology JSON + ETag", async () => topologyResponse(new Request("http://localhost/"), body));
} finally {
  await database.drop();
}
