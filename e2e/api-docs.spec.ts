import { expect, test } from "./fixtures/test";
import { signIn } from "./fixtures/auth";

// /api-docs renders GET /api/openapi.json for people: each operation with its parameters, its
// request body and (folded) the schema of its answer.

test.describe("API docs journey", () => {
  test("alice reads an operation's parameters and the schema of its answer", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();

    // a route with query parameters
    const list = page.getByRole("article", { name: "GET /api/apps", exact: true });
    const params = list.getByRole("table", { name: "Parameters of GET /api/apps" });
    await expect(params.getByRole("rowheader", { name: "finding (query)" })).toBeVisible();
    await expect(params.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "finding (query)" }) })).toContainText('"critical" | "warning" | "info" | "any" | "none"');

    // a route with a path parameter, a body and an answer
    const patch = page.getByRole("article", { name: "PATCH /api/users/{email}", exact: true });
    await expect(patch.getByRole("table", { name: "Parameters of PATCH /api/users/{email}" }).getByRole("rowheader", { name: "email (path)" })).toBeVisible();
    await expect(patch.getByRole("table", { name: "Body of PATCH /api/users/{email}" }).getByRole("rowheader", { name: "active" })).toBeVisible();
    const answer = patch.getByRole("table", { name: "Answer of PATCH /api/users/{email}" });
    await expect(answer).toBeHidden();
    await patch.getByText(/^Answer \(200\)/).click();
    await expect(answer.getByRole("rowheader", { name: "user", exact: true })).toBeVisible();
    const user = answer.getByRole("table", { name: "Fields of user" });
    await expect(user.getByRole("rowheader", { name: "deactivatedAt" })).toBeVisible();
    await expect(user.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "role", exact: true }) })).toContainText('"engineer" | "lead" | "admin"');

    // the machine-readable document is linked
    await expect(page.getByRole("link", { name: "/api/openapi.json" })).toHaveAttribute("href", "/api/openapi.json");
  });
});
