import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Profile } from "./_components/profile";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return (
    <>
      <PageHeader title="Profile and availability" description="Tell the portal when you are away, so your backups get paged instead of you." />
      <Profile />
    </>
  );
}
