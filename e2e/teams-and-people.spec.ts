import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";
import { users } from "./fixtures/users";

// An admin sets up a new team and its first lead, in the browser: the team is created (a bad slug
// and a taken one are named), renamed, at once selectable for a new person, and the new person
// signs in with the initial password and finds their team. The names carry the run's time, so a
// retry or a second run on the same database starts clean.
test.describe("teams and people journeys", () => {
  test("ada creates and renames a team, adds its lead, and the lead signs in to it", async ({ page }) => {
    const suffix = Date.now().toString(36);
    const slug = `tools-${suffix}`;
    const email = `dana-${suffix}@example.com`;
    const password = "a-long-first-password";

    await signIn(page, "ada");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People and teams" })).toBeVisible();

    // create: a slug the server refuses is named on its field, and nothing is created
    const create = page.getByRole("form", { name: "Create a team" });
    await create.getByLabel("Slug").fill("Tools Team");
    await create.getByLabel("Team name").fill("Tools");
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(create.getByLabel("Slug")).toHaveAccessibleDescription(/lowercase letters, digits or dashes/);
    await expect(page.getByRole("form", { name: "Rename tools-team" })).toHaveCount(0);
    // a taken slug: the demo's payments team
    await create.getByLabel("Slug").fill("payments");
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(create.getByLabel("Slug")).toHaveAccessibleDescription(/is taken/);

    await create.getByLabel("Slug").fill(slug);
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Team Tools created" })).toBeVisible();
    const row = page.getByRole("form", { name: `Rename ${slug}` });
    await expect(row.getByLabel(`Name of ${slug}`)).toHaveValue("Tools");

    // rename: the slug stays, the name changes everywhere on the page without a reload
    await row.getByLabel(`Name of ${slug}`).fill("Developer Tools");
    await row.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Team ${slug} is now called Developer Tools` })).toBeVisible();

    // the new team is offered to a new person at once, under its new name
    const add = page.getByRole("form", { name: "Add a person" });
    await add.getByLabel("Email").fill(users.carol.email);
    await add.getByLabel("Name").fill("Dana Tools");
    await add.getByLabel("Role").selectOption("lead");
    await add.getByLabel("Team").selectOption({ label: "Developer Tools" });
    await add.getByLabel("Initial password").fill(password);
    await add.getByRole("button", { name: "Add person" }).click();
    await expect(add.getByLabel("Email")).toHaveAccessibleDescription(/is taken/);

    await add.getByLabel("Email").fill(email);
    await add.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${email} can now sign in` })).toBeVisible();
    const person = page.getByRole("row").filter({ hasText: email });
    await expect(person.getByLabel(`Role of ${email}`)).toHaveValue("lead");
    await expect(person.getByLabel(`Team of ${email}`)).toHaveValue(slug);

    // the lead signs in with the initial password and finds the team under its new name
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.goto(`/teams/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: "Developer Tools" })).toBeVisible();
    await expect(page.getByText("0 apps · leads: Dana Tools")).toBeVisible();
  });
});
