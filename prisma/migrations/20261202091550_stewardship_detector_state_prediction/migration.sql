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

-- CreateTable
CREATE TABLE "DetectorState" (
    "appRef" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "watermark" BIGINT NOT NULL,
    "stepMs" INTEGER NOT NULL,
    "settingsKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "lateSeq" INTEGER NOT NULL DEFAULT 0,
    "builtLateSeq" INTEGER NOT NULL DEFAULT 0,
    "builtAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DetectorState_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DetectionShard" (
    "tick" BIGINT NOT NULL,
    "shard" INTEGER NOT NULL,
    "shards" INTEGER NOT NULL,
    "holder" TEXT,
    "claimedAt" BIGINT,
    "doneAt" BIGINT,
    "apps" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tick", "shard")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AppSignal" (
    "appRef" TEXT NOT NULL PRIMARY KEY,
    "anomalyScore" REAL NOT NULL,
    "trendPerDay" REAL,
    "expected" REAL NOT NULL,
    "observed" REAL NOT NULL,
    "evaluatedAt" DATETIME NOT NULL,
    "predLow" REAL,
    "predHigh" REAL,
    "outsideShare" REAL,
    "calibrationSamples" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AppSignal_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AppSignal" ("anomalyScore", "appRef", "evaluatedAt", "expected", "observed", "trendPerDay") SELECT "anomalyScore", "appRef", "evaluatedAt", "expected", "observed", "trendPerDay" FROM "AppSignal";
DROP TABLE "AppSignal";
ALTER TABLE "new_AppSignal" RENAME TO "AppSignal";
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
