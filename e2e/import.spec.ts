import { expect, test } from "./fixtures/test";
import { apiAs } from "./fixtures/api";
import { signIn } from "./fixtures/auth";
import { users } from "./fixtures/users";

// A new app per run (the journeys' database lives as long as the server), owned by alice with bob as backup.
const appId = `imported-${Date.now().toString(36)}`;

test.describe("import journeys", () => {
  test.afterEach(async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, "ada");
    const app = await admin.get(`/api/apps/${appId}`);
    if (app.ok()) await admin.post(`/api/apps/${appId}/release`, { data: { reason: "e2e cleanup" } });
    await admin.dispose();
  });

  test("an admin previews a CSV import (errors, then changes) and applies it", async ({ page }) => {
    await signIn(page, "ada");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();

    const contents = page.getByLabel("File contents");
    await contents.fill(`appId,name,team,owner,backup\n${appId},Imported app,payments,${users.alice.email},nobody@example.com\n`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 error" })).toBeVisible();
    await expect(page.getByText("line 2, backup: nobody@example.com is not a known person")).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply import" })).toBeDisabled();

    await contents.fill(`appId,name,team,owner,backup\n${appId},Imported app,payments,${users.alice.email},${users.bob.email}\n`);
    await page.getByRole("button", { name: "Preview" }).click();
    const changes = page.getByRole("table", { name: "Changes" });
    await expect(changes.getByRole("row").filter({ hasText: "Owner" })).toContainText(users.alice.email);
    await expect(changes.getByRole("row").filter({ hasText: "Backup" })).toContainText(users.bob.email);
    await page.getByRole("button", { name: "Apply import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Import applied: 5 changes" })).toBeVisible();

    await page.goto(`/apps/${appId}`);
    await expect(page.getByRole("group", { name: "Owner", exact: true })).toContainText(users.alice.name);
    await expect(page.getByRole("group", { name: "Backup", exact: true })).toContainText(users.bob.name);
  });
});
