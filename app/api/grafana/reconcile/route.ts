import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { reconcileGrafana } from "@/lib/grafana-sync/reconcile";
import { isGrafanaConfigured } from "@/lib/grafana-sync/status";
import { grafanaReconcileSchema } from "@/lib/validation/admin";
import { parseBody } from "@/lib/validation/request";

// POST /api/grafana/reconcile — compare Grafana's rules with the portal's ({ repair } fixes them)
export const POST = withAuth(
  async ({ req }) => {
    const { repair } = await parseBody(req, grafanaReconcileSchema);
    if (!isGrafanaConfigured()) throw new AppError("conflict", "Grafana is not configured (GRAFANA_URL is unset)");
    return Response.json(await reconcileGrafana({ repair }));
  },
  { role: "admin" },
);
