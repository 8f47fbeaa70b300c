import { expect, test } from "./fixtures/test";
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

test("after sign-in, next only ever leads to a page of the portal", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/login?next=%2F%09%2Fother-host%2Fx");
  await page.getByLabel("Email").fill(users.alice.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
  // signed in already: the server redirect stays on the portal too, and %0A/%0D are no 500
  for (const next of ["%2F%09%2Fother-host%2Fx", "%2F%5Cother-host", "%2Fapps%0D%0ASet-Cookie:x=1", "https:%2F%2Fother-host"]) {
    const res = await page.goto(`/login?next=${next}`);
    expect(res?.status(), next).toBeLessThan(400);
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
});

test("pages carry the security headers", async ({ page }) => {
  const res = await page.goto("/login");
  const h = res!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toMatch(/'nonce-[^']+'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
});

test("the profile lists where I am signed in, and signing out everywhere ends the other browser too", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "carol");
  await signIn(page, "carol");
  await page.goto("/profile");
  const sessions = page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions.getByRole("row")).not.toHaveCount(1);
  await expect(sessions.getByText("(this browser)")).toBeVisible();
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  // the other browser still has its cookie, but the session behind it is gone
  const res = await otherPage.request.get("/api/me");
  expect(res.status()).toBe(401);
  await otherPage.goto("/apps/mine");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});
