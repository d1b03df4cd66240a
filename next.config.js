/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The simulator and the CLI are not part of the web bundle; pg and pg-boss stay server-side node modules.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg"],
};

export default nextConfig;
