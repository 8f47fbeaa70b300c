import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export function providerOfUrl(url: string): Provider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

// `file:./data/portal.db` is relative to the working directory (the repo root for every script).
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}
