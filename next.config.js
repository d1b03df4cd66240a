/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for admin-only pages.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg"],
};

export default nextConfig;
