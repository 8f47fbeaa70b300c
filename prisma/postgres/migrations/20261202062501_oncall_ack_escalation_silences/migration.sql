/*
  Warnings:

  - A unique constraint covering the columns `[findingId,event,channel,recipient,step]` on the table `Notification` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "Notification_findingId_event_channel_key";

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "acknowledgedById" TEXT,
ADD COLUMN     "coveredById" TEXT,
ADD COLUMN     "escalationSteps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pageState" TEXT NOT NULL DEFAULT 'quiet',
ADD COLUMN     "resolveReason" TEXT,
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "silenceId" TEXT,
ALTER COLUMN "appRef" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "batchKey" TEXT,
ADD COLUMN     "notice" TEXT,
ADD COLUMN     "step" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "findingId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "teamId" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "repeat" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationPolicy_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL,
    "appRef" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "pauseState" TEXT NOT NULL DEFAULT 'pending',

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Silence_appRef_until_idx" ON "Silence"("appRef", "until");

-- CreateIndex
CREATE INDEX "Silence_pauseState_idx" ON "Silence"("pauseState");

-- CreateIndex
CREATE INDEX "Finding_pageState_idx" ON "Finding"("pageState");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_findingId_event_channel_recipient_step_key" ON "Notification"("findingId", "event", "channel", "recipient", "step");

-- AddForeignKey
ALTER TABLE "EscalationPolicy" ADD CONSTRAINT "EscalationPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_coveredById_fkey" FOREIGN KEY ("coveredById") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_silenceId_fkey" FOREIGN KEY ("silenceId") REFERENCES "Silence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Silence" ADD CONSTRAINT "Silence_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Silence" ADD CONSTRAINT "Silence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
