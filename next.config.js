/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The server bundle keeps these as runtime requires (native addon, WASM, Node-only libs).
  serverExternalPackages: ["nodemailer", "prom-client"],
};

export default nextConfig;
