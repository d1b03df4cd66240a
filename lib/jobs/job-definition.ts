import type { Queue, SendOptions } from "pg-boss";
import type { z } from "zod";

/** Queues jobs: from the web server, the CLI, or a running job (a follow-up, a fan-out). */
export type JobSender = {
  send<Schema extends z.ZodType>(
    job: JobDefinition<Schema>,
    data: z.infer<Schema>,
    options?: SendOptions,
  ): Promise<void>;
};

/** A durable job: its queue name, the zod schema of its payload, and the code that runs it. */
export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string;
  schema: Schema;
  handle(data: z.infer<Schema>, jobs: JobSender): Promise<void>;
  /** Queue policy, retries and expiry (pg-boss queue options). */
  queue?: Omit<Queue, "name">;
  /** Jobs one worker runs at once. */
  concurrency?: number;
  /** A cron schedule (UTC); the worker also runs the job once when it starts. */
  schedule?: string;
};

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  if (!/^[a-z][a-z0-9.-]*$/.test(definition.name))
    throw new Error(`job name ${definition.name} must be lower-case dotted words`);
  return definition;
}
