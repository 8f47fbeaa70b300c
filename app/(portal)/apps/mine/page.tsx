import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { MyApps } from "./_components/my-apps";
import { OpenFindingsPanel } from "./_components/open-findings-panel";

export const metadata: Metadata = { title: "My apps" };

export default function MyAppsPage() {
  return (
    <>
      <PageHeader title="My apps" description="Apps you own and apps you back up, with who gets paged for each right now." />
      <div className="stack-lg">
        <OpenFindingsPanel />
        <MyApps />
      </div>
    </>
  );
}
