-- AlterTable
ALTER TABLE "App" ADD COLUMN "confirmedAt" DATETIME;

-- CreateTable
CREATE TABLE "CoverageSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "apps" INTEGER NOT NULL,
    "owned" INTEGER NOT NULL,
    "withBackup" INTEGER NOT NULL,
    "reachable" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoverageSnapshot_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmEveryDays" INTEGER NOT NULL DEFAULT 90
);
INSERT INTO "new_Team" ("createdAt", "id", "name", "slug") SELECT "createdAt", "id", "name", "slug" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CoverageSnapshot_teamId_day_key" ON "CoverageSnapshot"("teamId", "day");
