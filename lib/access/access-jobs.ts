import { z } from "zod";
import { expireAccessGrants } from "./expire-access-grants";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/job-definition";
import { sendReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

// Every quarter hour the worker ends grants past their end date (and warns a week ahead); each exposure that lost a
// grant gets its consumer-endpoint reconcile at once (the consumer-endpoint sweep would also find it behind).

export const expireAccessGrantsJob = defineJob({
  name: "access.expire-grants",
  schedule: "*/15 * * * *",
  schema: z.object({}),
  queue: { policy: "short" },
  async handle(_data, jobs) {
    const { expired } = await expireAccessGrants(db());
    for (const requestId of new Set(expired.map((grant) => grant.requestId))) await sendReconcile(jobs, requestId);
  },
});
