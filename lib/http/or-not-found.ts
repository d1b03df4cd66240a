import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** A page's data, or Next.js' 404 page when the domain says it does not exist (or is not the viewer's to see). */
export function orNotFound<T>(data: Promise<T>): Promise<T> {
  return data.catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
