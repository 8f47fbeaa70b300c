import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

test("a lead registers an app for their team and lands on its page, unowned", async ({ page }) => {
  const appId = `e2e-app-${Date.now()}`;
  await signIn(page, "lee");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All apps" }).click();
  await page.getByRole("button", { name: "Register an app" }).click();

  const dialog = page.getByRole("dialog", { name: "Register an app" });
  await dialog.getByLabel("App id").fill("Not Valid!");
  await dialog.getByLabel("Name").fill("E2E app");
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog.getByText(/lowercase letters, digits or dashes/)).toBeVisible();

  await dialog.getByLabel("App id").fill(appId);
  await dialog.getByRole("button", { name: "Register" }).click();

  await expect(page).toHaveURL(new RegExp(`/apps/${appId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "E2E app" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Owner", exact: true })).toContainText("Unowned");
  await expect(page.getByRole("group", { name: "Responder", exact: true })).toContainText("Nobody reachable");
});

test("an engineer is not offered app registration", async ({ page }) => {
  await signIn(page, "bob");
  await page.goto("/apps");
  await expect(page.getByRole("heading", { level: 1, name: "All apps" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register an app" })).toHaveCount(0);
});
