// Accounts for a real installation (the demo seeds its own). Settings as for `npm start`.
//   npm run admin -- team add <slug> "<Team name>"
//   npm run admin -- user add <email> "<Name>" <engineer|lead|admin> [team-slug]
//   npm run admin -- user password <email>
//   npm run admin -- user deactivate|reactivate <email>
// Passwords come from PORTAL_PASSWORD, or are asked for when run in a terminal.
import fs from "node:fs";
import readline from "node:readline/promises";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { describeIssues } from "@/lib/validation/field-errors";

for (const file of [".env.local", ".env"]) if (fs.existsSync(file)) process.loadEnvFile(file);
process.env.SCHEDULER_ENABLED = "false";

const USAGE = `usage:
  npm run admin -- team add <slug> "<Team name>"
  npm run admin -- user add <email> "<Name>" <engineer|lead|admin> [team-slug]
  npm run admin -- user password <email>
  npm run admin -- user deactivate|reactivate <email>
(passwords: PORTAL_PASSWORD, or typed when run in a terminal)`;

async function password(): Promise<string> {
  if (process.env.PORTAL_PASSWORD) return process.env.PORTAL_PASSWORD;
  if (!process.stdin.isTTY) throw new AppError("bad_request", "Set PORTAL_PASSWORD (no terminal to ask in)");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (at least 10 characters): ");
  rl.close();
  return answer;
}

async function main(args: string[]): Promise<string> {
  const { migrateDeploy } = await import("@/lib/db/migrate");
  const { parseEnv } = await import("@/lib/env");
  await migrateDeploy(parseEnv(process.env).DATABASE_URL);
  const { createTeam, createUser, setPassword } = await import("@/lib/admin/accounts");
  const { teamCreateSchema, userCreateSchema } = await import("@/lib/validation/admin");
  const [what, verb, ...rest] = args;
  if (what === "team" && verb === "add" && rest.length === 2) {
    const team = await createTeam(teamCreateSchema.parse({ slug: rest[0], name: rest[1] }));
    return `team ${team.slug} (${team.name}) created`;
  }
  if (what === "user" && verb === "add" && (rest.length === 3 || rest.length === 4)) {
    const [email, name, role, team] = rest;
    const user = await createUser(userCreateSchema.parse({ email, name, role, team, password: await password() }));
    return `user ${user.email} (${user.role}${user.team ? `, ${user.team}` : ""}) created`;
  }
  if (what === "user" && verb === "password" && rest.length === 1) {
    await setPassword(rest[0] as string, await password());
    return `password of ${rest[0]} changed`;
  }
  if (what === "user" && (verb === "deactivate" || verb === "reactivate") && rest.length === 1) {
    // the same change as PATCH /api/users/{email} { active } (lib/admin/people.ts), made by the shell
    const { updatePerson } = await import("@/lib/admin/people");
    const { userUpdateSchema } = await import("@/lib/validation/admin");
    const person = await updatePerson(null, rest[0] as string, userUpdateSchema.parse({ active: verb === "reactivate" }));
    return verb === "deactivate"
      ? `${person.email} deactivated: sessions and API tokens ended, the backups answer for the ${person.owns} app(s) they own`
      : `${person.email} reactivated (sessions and tokens stay ended)`;
  }
  throw new AppError("bad_request", USAGE);
}

main(process.argv.slice(2)).then(
  (message) => {
    console.log(message);
    process.exit(0);
  },
  (error: unknown) => {
    if (error instanceof ZodError) console.error(describeIssues(error.issues, { separator: "\n" }));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
