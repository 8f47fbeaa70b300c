import { NotFoundPanel } from "@/components/not-found-panel";

export default function PortalNotFound() {
  return <NotFoundPanel title="Page not found">There is nothing at this address.</NotFoundPanel>;
}
