import { expect, test } from "./fixtures/test";
import { apiAs } from "./fixtures/api";
import { signIn } from "./fixtures/auth";

interface Row {
  appId: string;
  owner: { email: string } | null;
}

test.describe("team stewardship settings", () => {
  test("lee sets how often payments confirms; a bad value is named; it survives a reload; alice sees it read-only", async ({ page, baseURL }) => {
    await signIn(page, "lee");
    await page.goto("/teams/payments");
    const form = page.getByRole("form", { name: "Stewardship settings" });
    const days = form.getByLabel("Confirm every (days)");
    await expect(days).toHaveValue("90");

    await days.fill("3");
    await form.getByRole("button", { name: "Save interval" }).click();
    await expect(days).toHaveAttribute("aria-invalid", "true");
    await expect(days).toHaveAccessibleDescription("must be 7–365 days");

    await days.fill("45");
    await form.getByRole("button", { name: "Save interval" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Confirmation interval saved" })).toBeVisible();
    await expect(days).not.toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(page.getByRole("form", { name: "Stewardship settings" }).getByLabel("Confirm every (days)")).toHaveValue("45");

    // an engineer of the team reads it, and has nothing to change it with
    await page.context().clearCookies();
    await signIn(page, "alice");
    await page.goto("/teams/payments");
    const section = page.getByRole("region", { name: "Stewardship", exact: true });
    await expect(section).toContainText("every 45 days");
    await expect(section.getByRole("spinbutton")).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Save interval" })).toHaveCount(0);

    // put the default back for the other journeys
    const api = await apiAs(baseURL!, "lee");
    expect((await api.put("/api/teams/payments/stewardship", { data: { confirmEveryDays: 90 } })).status()).toBe(200);
    await api.dispose();
  });
});

test.describe("My apps health filters", () => {
  test("bob filters his apps by worst finding and sorts them by it and by Grafana sync", async ({ page, baseURL }) => {
    // findings now, whatever the scheduler has done yet: a detection pass over bob's apps' traffic
    const lee = await apiAs(baseURL!, "lee");
    expect((await lee.post("/api/detection/run", { data: {} })).status()).toBe(200);
    await lee.dispose();
    const bob = await apiAs(baseURL!, "bob");
    const mine = async (query: string) => ((await (await bob.get(`/api/apps?filter=mine&limit=100${query}`)).json()) as { items: Row[] }).items;
    const critical = (await mine("&finding=critical")).map((a) => a.appId);
    const all = await mine("");
    const byFinding = (await mine("&sort=finding")).map((a) => a.appId);
    const bySync = (await mine("&sort=sync")).map((a) => a.appId);
    await bob.dispose();
    expect(critical.length, "the demo's crash (checkout-api) gives bob a critical finding").toBeGreaterThan(0);
    expect(critical.length).toBeLessThan(all.length);

    await signIn(page, "bob");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My apps" }).click();
    const rows = page.getByRole("table").getByRole("rowheader");
    await expect(rows).toHaveCount(all.length);
    const shown = async () => (await rows.allInnerTexts()).map((t) => t.split("\n")[0]!.trim());

    const finding = page.getByLabel("Worst finding");
    // the same choices as All apps, Info included
    await expect(finding.getByRole("option")).toHaveText(["Any state", "Critical", "Warning", "Info", "Some open finding", "No open finding"]);
    await finding.selectOption({ label: "Critical" });
    await expect(rows).toHaveCount(critical.length);
    expect((await shown()).sort()).toEqual([...critical].sort());
    for (const badge of await page.getByRole("table").getByRole("cell").filter({ hasText: /^Critical · / }).all()) await expect(badge).toBeVisible();

    await finding.selectOption({ label: "Any state" });
    await expect(rows).toHaveCount(all.length);
    const sort = page.getByLabel("Sort by");
    await sort.selectOption({ label: "Worst finding" });
    // owned first, then backed: each table keeps the server's order
    const order = (ids: string[]) => ids.filter((id) => all.find((a) => a.appId === id)?.owner?.email === "bob@example.com");
    await expect.poll(async () => (await shown()).filter((id) => order(byFinding).includes(id))).toEqual(order(byFinding));
    expect(critical).toContain((await shown())[0]);
    await sort.selectOption({ label: "Grafana sync" });
    await expect.poll(async () => (await shown()).filter((id) => order(bySync).includes(id))).toEqual(order(bySync));
    await expect(page.getByRole("table", { name: "Apps I own" }).getByRole("cell", { name: "Not configured" }).first()).toBeVisible();
  });
});
