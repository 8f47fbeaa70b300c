-- AlterTable
ALTER TABLE "App" ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AppSignal" ADD COLUMN     "calibrationSamples" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "outsideShare" DOUBLE PRECISION,
ADD COLUMN     "predHigh" DOUBLE PRECISION,
ADD COLUMN     "predLow" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "confirmEveryDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "CoverageSnapshot" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "apps" INTEGER NOT NULL,
    "owned" INTEGER NOT NULL,
    "withBackup" INTEGER NOT NULL,
    "reachable" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageSnapshot_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "CoverageSnapshot_teamId_day_key" ON "CoverageSnapshot"("teamId", "day");

-- AddForeignKey
ALTER TABLE "CoverageSnapshot" ADD CONSTRAINT "CoverageSnapshot_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetectorState" ADD CONSTRAINT "DetectorState_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
