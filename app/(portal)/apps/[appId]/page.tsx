import type { Metadata } from "next";
import { AppPage } from "./_components/app-page";

type Params = Promise<{ appId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { appId } = await params;
  return { title: decodeURIComponent(appId) };
}

export default async function AppRoute({ params }: { params: Params }) {
  const { appId } = await params;
  return <AppPage appId={decodeURIComponent(appId)} />;
}
