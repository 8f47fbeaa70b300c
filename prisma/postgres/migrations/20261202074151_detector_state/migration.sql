-- CreateTable
CREATE TABLE "DetectorState" (
    "appRef" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "watermark" BIGINT NOT NULL,
    "stepMs" INTEGER NOT NULL,
    "settingsKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "lateSeq" INTEGER NOT NULL DEFAULT 0,
    "builtLateSeq" INTEGER NOT NULL DEFAULT 0,
    "builtAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DetectorState_pkey" PRIMARY KEY ("appRef")
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

    CONSTRAINT "DetectionShard_pkey" PRIMARY KEY ("tick","shard")
);

-- AddForeignKey
ALTER TABLE "DetectorState" ADD CONSTRAINT "DetectorState_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
