-- AlterTable
ALTER TABLE "App" ADD COLUMN     "confirmedAt" TIMESTAMP(3);

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

-- CreateIndex
CREATE UNIQUE INDEX "CoverageSnapshot_teamId_day_key" ON "CoverageSnapshot"("teamId", "day");

-- AddForeignKey
ALTER TABLE "CoverageSnapshot" ADD CONSTRAINT "CoverageSnapshot_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
