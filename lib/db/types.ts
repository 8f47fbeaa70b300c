import type { Prisma } from "./generated/sqlite/client";

export type Tx = Prisma.TransactionClient;
