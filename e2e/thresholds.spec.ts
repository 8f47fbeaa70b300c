import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

// The owner's core journey: change thresholds, dry run, save, see the new version, roll back.
// synonyms-service (owner carol) has no thresholds in the demo.
const APP = "synonyms-service";

test("carol sets thresholds on her app: a dry run first, a named error, save, a second version, and a rollback", async ({ page }) => {
  await signIn(page, "carol");
  await page.goto(`/apps/${APP}`);
  const section = page.getByRole("region", { name: "Traffic thresholds" });
  const form = section.getByRole("form", { name: "Traffic thresholds" });
  await expect(section.getByText("No thresholds saved yet.")).toBeVisible();

  // a floor far above the demo traffic: the dry run says it would have fired, and nothing is saved
  await form.getByLabel("Floor (req/s)").fill("100000");
  await form.getByLabel("Alert after").fill("5m");
  await form.getByRole("button", { name: "Dry run" }).click();
  const result = form.getByRole("status", { name: "Dry run result" });
  await expect(result).toContainText(/Would have fired/);
  await expect(section.getByText("No thresholds saved yet.")).toBeVisible();

  // a sensible floor: saving without a reason names the field
  await form.getByLabel("Floor (req/s)").fill("1");
  await form.getByRole("button", { name: "Dry run" }).click();
  await expect(result).toContainText("Would not have fired");
  await form.getByRole("button", { name: "Save thresholds" }).click();
  await expect(form.getByLabel("Reason for the change")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("is required");

  await form.getByLabel("Reason for the change").fill("first floor: the app is never idle");
  await form.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Thresholds of ${APP} saved as version 1.` })).toBeVisible();
  const versions = section.getByRole("list", { name: `Threshold versions of ${APP}, newest first` });
  await expect(versions.getByRole("listitem").first()).toContainText("Version 1");
  await expect(versions.getByRole("listitem").first()).toContainText("current");

  // version 2 raises the floor; the history shows what changed
  await form.getByLabel("Floor (req/s)").fill("2");
  await form.getByLabel("Reason for the change").fill("raise the floor");
  await form.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Thresholds of ${APP} saved as version 2.` })).toBeVisible();
  const newest = versions.getByRole("listitem").first();
  await expect(newest).toContainText("Version 2");
  await expect(newest).toContainText("raise the floor");
  await expect(newest).toContainText(/1 req\/s/);
  await expect(newest).toContainText(/2 req\/s/);

  // roll back to version 1: a third version that restores it, and the form shows its floor
  await versions.getByRole("button", { name: "Roll back to version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: `rolled back to version 1 (now version 3)` })).toBeVisible();
  await expect(versions.getByRole("listitem").first()).toContainText("Version 3");
  await expect(versions.getByRole("listitem").first()).toContainText("restores version 1");
  await expect(form.getByLabel("Floor (req/s)")).toHaveValue("1");

  // it holds after a reload
  await page.reload();
  // three versions (each list item also holds a list of its changes)
  await expect(versions.getByText(/^Version \d+$/)).toHaveCount(3);
  await expect(form.getByLabel("Floor (req/s)")).toHaveValue("1");
});
