import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for admin-only pages.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg"],
};

// next-intl reads each request's language and messages from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
