// Types for the parts of the shim that TypeScript code (tests) imports.
export function statementCount(sql: string): number;
export function removeSqliteFiles(file: string): void;
