// Prisma errors are recognised by their code, so nothing here imports Prisma.
export function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

// Unique-constraint violation: the database refused a second row with the same key.
export const isUniqueViolation = (error: unknown): boolean => prismaCode(error) === "P2002";
