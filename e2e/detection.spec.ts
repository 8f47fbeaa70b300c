import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

// The demo seed gives checkout-api (owner bob) a crash an hour ago; a run turns it into a finding.
const CRASHED = "checkout-api";

test.describe("detection", () => {
  test("a lead runs detection and sees checkout-api's crash on its page, with the traffic chart", async ({ page, baseURL }) => {
    await signIn(page, "lee");
    const run = await page.request.post("/api/detection/run", { data: {}, headers: { origin: baseURL! } });
    expect(run.status(), await run.text()).toBe(200);

    await page.goto(`/apps/${CRASHED}`);
    const detection = page.getByRole("region", { name: "Detection" });
    const open = detection.getByRole("list", { name: `Open findings of ${CRASHED}` });
    const crash = open.getByRole("article", { name: "Crash" });
    await expect(crash).toBeVisible();
    await expect(crash).toContainText("Critical");
    await expect(crash).toContainText(/Traffic fell to .* req\/s .* check whether/);
    // the demo floor of 1 req/s is breached by the same outage: the threshold detector fires too
    await expect(open.getByRole("article", { name: "Threshold" })).toContainText(/below its floor/);
    await expect(crash.getByRole("definition").first()).toContainText("req/s");

    const chart = detection.getByRole("figure", { name: /Traffic of checkout-api over the last 24 hours/ });
    await expect(chart).toBeVisible();
    await expect(detection.getByRole("list", { name: "Chart key" })).toContainText("Critical finding started");

    // What the detection predicted: the 99 % band of the latest sample and how often reality
    // fell outside it (the demo traffic has days of history, so the calibration is measured)
    const prediction = page.getByRole("region", { name: "What the detection predicted" });
    const predicted = prediction.getByRole("status", { name: `Prediction for ${CRASHED}` });
    await expect(predicted).toContainText(/Expected [\d.,]+–[\d.,]+ req\/s \(99 % interval\) for the latest sample\./);
    await expect(predicted).toContainText(/Reality fell outside it in [\d.]+ % of the last [\d,]+ samples \(expected ≈ 1\.0 %\)/);

    await detection.getByRole("button", { name: "7 days" }).click();
    await expect(detection.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    await expect(detection.getByRole("figure", { name: /over the last 7 days/ })).toBeVisible();
  });

  test("bob, the owner, finds the crash among the open findings on My apps", async ({ page, baseURL }) => {
    await signIn(page, "lee");
    const run = await page.request.post("/api/detection/run", { data: { appId: CRASHED }, headers: { origin: baseURL! } });
    expect(run.status(), await run.text()).toBe(200);
    await page.context().clearCookies();

    await signIn(page, "bob");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My apps" }).click();
    const panel = page.getByRole("region", { name: /Open findings/ });
    // checkout-api also breaches its demo floor: pick the crash among its open findings
    const crash = panel
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: CRASHED, exact: true }) })
      .filter({ hasText: /Traffic fell to/ });
    await expect(crash).toContainText("Critical");
    await expect(crash).toContainText("Crash");
    await expect(crash).toContainText(/Traffic fell to/);
    await crash.getByRole("link", { name: CRASHED, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  });

  test("only admins see the Grafana admin link in the navigation", async ({ page }) => {
    await signIn(page, "lee");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "My apps" })).toBeVisible();
    await expect(nav.getByRole("link", { name: /Grafana/ })).toHaveCount(0);
    await page.context().clearCookies();

    await signIn(page, "ada");
    await nav.getByRole("link", { name: /Admin.*Grafana/ }).click();
    await expect(page).toHaveURL(/\/admin\/grafana$/);
    await expect(page.getByRole("heading", { level: 1, name: "Grafana sync" })).toBeVisible();
  });
});
