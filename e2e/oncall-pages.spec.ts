import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

// The on-call pages in the browser: the team's escalation policy, silences, acknowledging and
// taking it back. (e2e/oncall.spec.ts is the paging journey itself.) The search team is used for
// the policy so that payments keeps the default the paging journey counts on.

test("sam, the search lead, changes the team's escalation policy; a bad delay is named; bob sees it read-only", async ({ page }) => {
  await signIn(page, "sam");
  await page.goto("/teams/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  const policy = page.getByRole("form", { name: "Escalation policy" });
  const after = policy.getByRole("textbox", { name: "Step 1: after" });
  await expect(after).toHaveValue("10m");
  await expect(page.getByText("This is the default policy.")).toBeVisible();

  await after.fill("10 minutes");
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(after).toHaveAttribute("aria-invalid", "true");

  await after.fill("15m");
  await policy.getByRole("combobox", { name: "Step 2: page" }).selectOption("admins");
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Escalation policy saved" })).toBeVisible();
  await page.reload();
  await expect(policy.getByRole("textbox", { name: "Step 1: after" })).toHaveValue("15m");
  await expect(policy.getByRole("combobox", { name: "Step 2: page" })).toHaveValue("admins");
  await expect(page.getByText("This is the default policy.")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "bob");
  await page.goto("/teams/search");
  await expect(policy.getByRole("textbox", { name: "Step 1: after" })).toBeDisabled();
  await expect(policy.getByRole("textbox", { name: "Step 1: after" })).toHaveValue("15m");
  await expect(page.getByText("Only a lead of this team or an admin can change it.")).toBeVisible();
  await expect(policy.getByRole("button", { name: "Save policy" })).toHaveCount(0);
});

test("carol silences search-api for 30 minutes with a reason, sees it silenced, and ends it", async ({ page }) => {
  await signIn(page, "carol");
  await page.goto("/apps/search-api");
  const silence = page.getByRole("region", { name: "Silence" });
  await expect(silence.getByText("Not silenced.")).toBeVisible();

  // no reason: the field is named and nothing is silenced
  await silence.getByRole("button", { name: "Silence for 30 min" }).click();
  await expect(silence.getByRole("textbox", { name: "Reason" })).toHaveAttribute("aria-invalid", "true");
  await expect(silence).toContainText("is required");
  await expect(silence.getByText("Not silenced.")).toBeVisible();

  await silence.getByRole("textbox", { name: "Reason" }).fill("index rebuild");
  await silence.getByRole("button", { name: "Silence for 30 min" }).click();
  await expect(page.getByRole("status").filter({ hasText: "search-api is silenced until" })).toBeVisible();
  const current = silence.getByRole("list", { name: "Silences of search-api" });
  await expect(current).toContainText("Silenced");
  await expect(current).toContainText("Carol Chen");
  await expect(current).toContainText("index rebuild");

  await page.reload();
  await expect(current).toContainText("index rebuild");
  await current.getByRole("button", { name: "End now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Silence ended" })).toBeVisible();
  await expect(silence.getByText("Not silenced.")).toBeVisible();
});

test("bob acknowledges checkout-api's crash on its page, then takes it back with a reason", async ({ page, baseURL }) => {
  await signIn(page, "lee");
  const run = await page.request.post("/api/detection/run", { data: { appId: "checkout-api" }, headers: { origin: baseURL! } });
  expect(run.status(), await run.text()).toBe(200);
  await page.context().clearCookies();

  await signIn(page, "bob");
  await page.goto("/apps/checkout-api");
  const crash = page.getByRole("list", { name: "Open findings of checkout-api" }).getByRole("article", { name: "Crash" });
  const ack = crash.getByRole("group", { name: /Acknowledgement of/ });
  await expect(ack).toContainText("Not acknowledged");
  await ack.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledged: escalation stops" })).toBeVisible();
  await expect(ack).toContainText("Acknowledged by Bob Brown");
  await page.reload();
  await expect(ack).toContainText("Acknowledged by Bob Brown");

  await ack.getByRole("button", { name: "Take back…" }).click();
  const form = ack.getByRole("form", { name: "Take back the acknowledgement" });
  await form.getByRole("button", { name: "Take back" }).click();
  // the reason is required by the browser (required attribute) before it ever reaches the server
  await expect(form.getByRole("textbox", { name: "Reason" })).toBeFocused();
  await form.getByRole("textbox", { name: "Reason" }).fill("still investigating, lee takes it");
  await form.getByRole("button", { name: "Take back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledgement taken back" })).toBeVisible();
  await expect(ack).toContainText("Not acknowledged");
});
