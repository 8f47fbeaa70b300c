-- AlterTable (SQLite adds a column with a constant default in place; no table rebuild needed)
ALTER TABLE "User" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;
