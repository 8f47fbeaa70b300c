import { expect, test } from "./fixtures/test";
import { apiAs } from "./fixtures/api";
import { signIn } from "./fixtures/auth";

// The seed's Search team asks for a confirmation every 21 days and its apps are owned since 30
// days (lib/seed/demo-data.ts), so carol's apps are due ("not confirmed") until she confirms.

interface RiskTeam {
  slug: string;
  name: string;
  noThresholds: number;
  stale: number;
}

test.describe("stewardship journeys", () => {
  test("lee sees the payments risk numbers on the overview and follows one to the apps behind it", async ({ page, baseURL }) => {
    const api = await apiAs(baseURL!, "lee");
    const overview = (await (await api.get("/api/overview")).json()) as { risk: { teams: RiskTeam[] } };
    await api.dispose();
    const payments = overview.risk.teams.find((t) => t.slug === "payments");
    expect(payments, "the seed has a payments team").toBeDefined();
    const n = payments!.noThresholds;
    expect(n).toBeGreaterThan(0);

    await signIn(page, "lee");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team overview" }).click();
    const risk = page.getByRole("table", { name: "Risk by team" });
    await expect(risk).toBeVisible();
    await expect(risk.getByRole("link", { name: `${payments!.stale} stale apps in Payments`, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Coverage over the last 90 days/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Who answers for what" })).toContainText("Lee Lambert");

    await risk.getByRole("link", { name: `${n} apps without thresholds in Payments`, exact: true }).click();
    await expect(page).toHaveURL(/\/apps\?.*filter=no_thresholds/);
    await expect(page).toHaveURL(/team=payments/);
    await expect(page.getByLabel("Needs attention")).toHaveValue("no_thresholds");
    await expect(page.getByText(`Showing ${n} ${n === 1 ? "app" : "apps"}`)).toBeVisible();
    // every row has its health: worst open finding and Grafana sync state
    const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Worst finding" }) });
    await expect(table.getByRole("columnheader", { name: "Grafana" })).toBeVisible();
    // checkout-api has thresholds: it is not in this list
    await expect(table.getByRole("rowheader", { name: "checkout-api", exact: true })).toHaveCount(0);
  });

  test("carol confirms \"still mine\" on an app that was due, and the not-confirmed reason goes away", async ({ page, baseURL }) => {
    const api = await apiAs(baseURL!, "carol");
    const mine = (await (await api.get("/api/apps?filter=mine&limit=100")).json()) as { items: { appId: string; owner: { email: string } | null; reasons: string[] }[] };
    await api.dispose();
    const due = mine.items.find((a) => a.owner?.email === "carol@example.com" && a.reasons.includes("not_confirmed"));
    expect(due, "carol owns an app due for confirmation (a fresh e2e database)").toBeDefined();
    const appId = due!.appId;

    await signIn(page, "carol");
    await page.goto(`/apps/${appId}`);
    const section = page.getByRole("region", { name: "Stewardship" });
    const reasons = section.getByRole("list", { name: "Stewardship reasons" });
    await expect(reasons).toContainText("has not confirmed this app is still theirs");
    await expect(section.getByRole("group", { name: "Last confirmed" })).toContainText("Never");

    await section.getByRole("button", { name: "Still mine" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Confirmed: ${appId} is still yours.` })).toBeVisible();
    await expect(section).not.toContainText("has not confirmed this app is still theirs");
    await expect(section.getByRole("group", { name: "Last confirmed" })).not.toContainText("Never");

    // and it stays so after a reload
    await page.reload();
    await expect(page.getByRole("region", { name: "Stewardship" })).not.toContainText("has not confirmed");
  });
});
