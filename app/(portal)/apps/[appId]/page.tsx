import type { Metadata } from "next";
import { env } from "@/lib/env";
import { AppPage } from "./_components/app-page";

type Params = Promise<{ appId: string }>;

// "%25ZZ" reaches us as "%ZZ": decoding it again must not be a 500
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { appId } = await params;
  return { title: decoded(appId) };
}

export default async function AppRoute({ params }: { params: Params }) {
  const { appId } = await params;
  const e = env();
  // what the page says about detection follows this server's settings
  const schedule = { enabled: e.SCHEDULER_ENABLED, intervalSeconds: e.DETECTION_INTERVAL_SECONDS };
  return <AppPage appId={decoded(appId)} schedule={schedule} />;
}
