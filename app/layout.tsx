import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ownership portal", template: "%s · Ownership portal" },
  description: "Who answers for each application, and who gets paged now.",
};

export const viewport: Viewport = {
  themeColor: "#1f3a8a",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
