import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { DEMO_PASSWORD, users } from "./fixtures/users";

test("an anonymous visitor opening /apps is sent to sign-in, and back to /apps after it", async ({ page }) => {
  await page.goto("/apps?team=payments");
  await expect(page).toHaveURL(/\/login\?next=%2Fapps%3Fteam%3Dpayments/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(users.alice.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/apps\?team=payments$/);
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(users.alice.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "carol");
  await page.getByLabel(`Account: ${users.carol.name}`).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/apps/mine");
  await expect(page).toHaveURL(/\/login/);
});
