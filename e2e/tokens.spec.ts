import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

test("an API token is shown once on creation and disappears when revoked", async ({ page }) => {
  const name = `e2e token ${Date.now()}`;
  await signIn(page, "alice");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tokens" }).click();

  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();

  const notice = page.getByRole("region", { name: "New token" });
  await expect(notice).toContainText("will not be shown again");
  const secret = notice.getByLabel(`Token for ${name}`);
  const token = await secret.inputValue();
  expect(token.length).toBeGreaterThan(20);
  await expect(notice.getByRole("button", { name: "Copy" })).toBeVisible();

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toBeVisible();

  // Shown once: after a reload the list still has the token, but its secret is gone.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByRole("region", { name: "New token" })).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was revoked" })).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your tokens" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Loading tokens" })).toHaveCount(0);
  await expect(row).toHaveCount(0);
});

test("a token's scope is chosen at creation and shown in the list", async ({ page }) => {
  const name = `e2e read token ${Date.now()}`;
  await signIn(page, "alice");
  await page.goto("/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("region", { name: "New token" }).getByLabel(`Token for ${name}`).inputValue();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText("read only");
  // it reads, and may not change anything
  expect((await page.request.get("/api/apps", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  const post = await page.request.post("/api/tokens", { headers: { authorization: `Bearer ${token}` }, data: { name: "x" } });
  expect(post.status()).toBe(403);
  // an engineer cannot make an ingest token: the API says so in the form
  await page.getByLabel("Token name").fill(`${name} ingest`);
  await page.getByLabel("Scope").selectOption("ingest");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("region", { name: "Create a token" }).getByRole("alert")).toContainText(/lead|admin/);
});
