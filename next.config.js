/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two builds (e.g. e2e and a system test in development) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The server bundle keeps these as runtime requires (native addon, WASM, Node-only libs).
  serverExternalPackages: ["nodemailer", "prom-client"],
};

export default nextConfig;
