// Prisma loads a nested relation with one IN (…) over the parents' ids; with nested ordering and
// `take` it cannot split that list, and SQLite refuses more than 999 parameters (P2029). Every
// read that can return many apps with such relations goes in pages keyed by appId.
export const APP_PAGE = 400;

export async function pagedByAppId<T extends { appId: string }>(read: (page: { where: { appId?: { gt: string } }; take: number }) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await read({ where: after === undefined ? {} : { appId: { gt: after } }, take: APP_PAGE });
    out.push(...page);
    if (page.length < APP_PAGE) return out;
    after = page[page.length - 1]?.appId;
  }
}
