import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD, hashPassword } from "@/lib/auth/password";
import { demoAccountsWithDemoPassword } from "@/lib/seed/seed-demo";

describe("demoAccountsWithDemoPassword (production start refuses while it finds any)", () => {
  it("finds a demo account that still has the demo password, and not once it is changed", async () => {
    const user = await db().user.create({ data: { email: "ada@example.com", name: "Ada", role: "admin", passwordHash: await hashPassword(DEMO_PASSWORD) } });
    expect(await demoAccountsWithDemoPassword()).toEqual(["ada@example.com"]);
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("a-real-password") } });
    expect(await demoAccountsWithDemoPassword()).toEqual([]);
  });
});
