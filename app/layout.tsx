import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ownership portal", template: "%s · Ownership portal" },
  description: "Who answers for each application, and who gets paged now.",
};

export const viewport: Viewport = {
  themeColor: "#1f3a8a",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry this response's CSP nonce (proxy.ts),
  // which a prerendered page could not.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
