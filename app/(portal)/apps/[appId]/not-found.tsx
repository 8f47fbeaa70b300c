import { NotFoundPanel } from "@/components/not-found-panel";

export default function AppNotFound() {
  return (
    <NotFoundPanel title="App not found">
      No application is registered under this id. It may have been renamed, or the link has a typo.
    </NotFoundPanel>
  );
}
