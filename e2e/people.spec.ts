import { expect, test } from "./fixtures/test";
import { apiAs, claimAs, releaseAsAdmin, setBackupAs } from "./fixtures/api";
import { signIn } from "./fixtures/auth";
import { DEMO_PASSWORD, users } from "./fixtures/users";

// ranking-model is an unowned search app in the seed: carol takes it with bob as backup.
const APP = "ranking-model";

test.describe("people journeys", () => {
  test.afterEach(async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, "ada");
    await admin.patch(`/api/users/${encodeURIComponent(users.carol.email)}`, { data: { active: true } });
    await admin.dispose();
    await releaseAsAdmin(baseURL!, APP);
  });

  test("an admin deactivates carol: she cannot sign in any more and her app's backup is the responder", async ({ page, baseURL }) => {
    const carol = await apiAs(baseURL!, "carol");
    await claimAs(carol, APP);
    await setBackupAs(carol, APP, users.bob.email);
    await carol.dispose();

    await signIn(page, "ada");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People and teams" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: users.carol.email });
    await row.getByRole("button", { name: `Deactivate ${users.carol.name}` }).click();
    await row.getByRole("button", { name: "Confirm deactivate" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${users.carol.name} was deactivated` })).toBeVisible();
    await expect(row.getByText("Deactivated")).toBeVisible();

    await page.goto(`/apps/${APP}`);
    await expect(page.getByRole("group", { name: "Owner", exact: true })).toContainText(users.carol.name);
    await expect(page.getByRole("group", { name: "Responder", exact: true })).toContainText(users.bob.name);

    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(users.carol.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  });
});
