import { expect, test } from "./fixtures/test";
import { apiAs, claimAs, markBack, releaseAsAdmin, setBackupAs, unownedApps } from "./fixtures/api";
import { signIn } from "./fixtures/auth";
import { localDateTimeIn } from "./fixtures/dates";
import { cellOf, numberIn } from "./fixtures/table";
import { users } from "./fixtures/users";

/** Picks an unowned payments app no other test is using (tests run one at a time). */
async function pickUnownedPaymentsApp(baseURL: string, index = 0): Promise<string> {
  const api = await apiAs(baseURL, "lee");
  const apps = await unownedApps(api, "payments");
  await api.dispose();
  const appId = apps[index];
  if (!appId) throw new Error("The seed has no unowned payments app left");
  return appId;
}

test.describe("ownership journeys", () => {
  let claimed: string | null = null;

  test.afterEach(async ({ baseURL }) => {
    if (claimed) await releaseAsAdmin(baseURL!, claimed);
    claimed = null;
    await markBack(baseURL!, "alice");
  });

  test("alice claims an app, names bob as backup, goes away, and bob becomes the responder", async ({ page, baseURL }) => {
    const appId = await pickUnownedPaymentsApp(baseURL!);
    claimed = appId;
    await signIn(page, "alice");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All apps" }).click();
    await page.getByLabel("Team").selectOption("payments");
    await page.getByRole("radio", { name: "Unowned" }).check();
    await page.getByRole("searchbox", { name: "Search" }).fill(appId);
    await expect(page).toHaveURL(/filter=unowned/);
    await expect(page).toHaveURL(/team=payments/);

    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: appId, exact: true }) });
    await row.getByRole("button", { name: `Claim ${appId}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `You now own ${appId}` })).toBeVisible();

    await page.goto(`/apps/${appId}`);
    const responder = page.getByRole("group", { name: "Responder", exact: true });
    await expect(page.getByRole("group", { name: "Owner", exact: true })).toContainText(users.alice.name);
    await expect(responder).toContainText(users.alice.name);

    await page.getByLabel("Backup email").fill(users.bob.email);
    await page.getByRole("button", { name: "Save backup" }).click();
    await expect(page.getByRole("group", { name: "Backup", exact: true })).toContainText(users.bob.name);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await page.getByLabel("Away until").fill(localDateTimeIn(2));
    await page.getByRole("button", { name: "Mark me away" }).click();
    await expect(page.getByText(/You are away until/)).toBeVisible();

    await page.goto(`/apps/${appId}`);
    await expect(responder).toContainText(users.bob.name);
    await expect(page.getByRole("group", { name: "Owner availability", exact: true })).toContainText("Away");
  });

  test("bob, the backup, cannot change the backup of alice's app and is told why", async ({ page, baseURL }) => {
    const appId = await pickUnownedPaymentsApp(baseURL!);
    claimed = appId;
    const alice = await apiAs(baseURL!, "alice");
    await claimAs(alice, appId);
    await setBackupAs(alice, appId, users.bob.email);
    await alice.dispose();

    await signIn(page, "bob");
    await page.goto(`/apps/${appId}`);
    await expect(page.getByRole("group", { name: "Owner", exact: true })).toContainText(users.alice.name);

    await page.getByLabel("Backup email").fill(users.carol.email);
    await page.getByRole("button", { name: "Save backup" }).click();

    const backupForm = page.getByRole("form", { name: "Change backup" });
    const message = backupForm.getByRole("alert");
    await expect(message).toBeVisible();
    await expect(message).toContainText(/owner|lead|admin/i);
    await expect(message).not.toContainText("{");
    await expect(page.getByRole("group", { name: "Backup", exact: true })).toContainText(users.bob.name);
  });

  test("lee sees the team overview change after claiming an app", async ({ page, baseURL }) => {
    const appId = await pickUnownedPaymentsApp(baseURL!);
    claimed = appId;
    await signIn(page, "lee");

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Team overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Team overview" })).toBeVisible();
    const table = page.getByRole("table", { name: /per team/ });
    await expect(table).toBeVisible();
    const unownedCell = await cellOf(table, "Payments", "Unowned");
    const ownedCell = await cellOf(table, "Payments", "Owned");
    const unownedBefore = await numberIn(unownedCell);
    const ownedBefore = await numberIn(ownedCell);
    expect(unownedBefore).toBeGreaterThan(0);

    await page.goto(`/apps/${appId}`);
    await page.getByRole("button", { name: `Claim ${appId}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `You now own ${appId}` })).toBeVisible();

    await nav.getByRole("link", { name: "Team overview" }).click();
    await expect(unownedCell).toHaveText(String(unownedBefore - 1));
    await expect(ownedCell).toHaveText(String(ownedBefore + 1));
  });
});

test("a claim that loses the race is rolled back and explained", async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, "bob");
  const [appId] = await unownedApps(api, "payments");
  if (!appId) throw new Error("The seed has no unowned payments app left");
  try {
    await signIn(page, "alice");
    await page.goto(`/apps?team=payments&q=${appId}`);
    const claim = page.getByRole("button", { name: `Claim ${appId}` });
    await expect(claim).toBeVisible();

    // Bob claims it while Alice is looking at the list.
    await claimAs(api, appId);
    await claim.click();

    await expect(page.getByRole("status").filter({ hasText: `Could not claim ${appId}` })).toContainText(users.bob.name);
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: appId, exact: true }) });
    // Rolled back, then refreshed: the list shows the real owner, never Alice.
    await expect(row).toContainText(users.bob.name);
    await expect(row).not.toContainText(users.alice.name);
  } finally {
    await api.dispose();
    await releaseAsAdmin(baseURL!, appId);
  }
});
