import type { z } from "zod";

/** A durable job: its queue name, the zod schema of its payload, and the code that runs it. */
export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string;
  schema: Schema;
  handle(data: z.infer<Schema>): Promise<void>;
};

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  if (!/^[a-z][a-z0-9.-]*$/.test(definition.name)) throw new Error(`job name ${definition.name} must be lower-case dotted words`);
  return definition;
}
