import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults when nothing is set", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ DATABASE_URL: "file:./data/portal.db", PORT: 3000, DEMO_MODE: false, SCHEDULER_ENABLED: true });
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "http", SESSION_SECRET: "short", SMTP_URL: "mail.example" })).toThrowError(
      /DATABASE_URL: must be a file: URL[\s\S]*PORT: must be a port number[\s\S]*SESSION_SECRET: must be at least 32 characters[\s\S]*SMTP_URL: must be an smtp/,
    );
  });

  it("accepts PostgreSQL URLs and demo mode", () => {
    const e = parseEnv({ DATABASE_URL: "postgresql://u@127.0.0.1:5432/portal", DEMO_MODE: "true" });
    expect(e.DEMO_MODE).toBe(true);
  });
});
