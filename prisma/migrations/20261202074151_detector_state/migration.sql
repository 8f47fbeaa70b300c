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
