"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// A server-rendered page that re-renders itself every few seconds while something it shows is in flight, and stops
// once nothing is (the next render passes `active` false).
export function RefreshWhileInFlight({ active, everyMs = 3_000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
