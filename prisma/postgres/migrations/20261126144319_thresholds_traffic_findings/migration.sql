-- CreateTable
CREATE TABLE "ThresholdVersion" (
    "id" TEXT NOT NULL,
    "appRef" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "floorRps" DOUBLE PRECISION NOT NULL,
    "ceilingRps" DOUBLE PRECISION,
    "maxWeeklyDropPercent" DOUBLE PRECISION,
    "forDuration" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "rolledBackFrom" INTEGER,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThresholdVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrafficSample" (
    "appRef" TEXT NOT NULL,
    "ts" BIGINT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TrafficSample_pkey" PRIMARY KEY ("appRef","ts")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "appRef" TEXT NOT NULL,
    "detector" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "observed" DOUBLE PRECISION NOT NULL,
    "expected" DOUBLE PRECISION NOT NULL,
    "bandLow" DOUBLE PRECISION,
    "bandHigh" DOUBLE PRECISION,
    "deviation" DOUBLE PRECISION NOT NULL,
    "windowFrom" TIMESTAMP(3) NOT NULL,
    "windowTo" TIMESTAMP(3) NOT NULL,
    "explanation" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSignal" (
    "appRef" TEXT NOT NULL,
    "anomalyScore" DOUBLE PRECISION NOT NULL,
    "trendPerDay" DOUBLE PRECISION,
    "expected" DOUBLE PRECISION NOT NULL,
    "observed" DOUBLE PRECISION NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSignal_pkey" PRIMARY KEY ("appRef")
);

-- CreateTable
CREATE TABLE "GrafanaSyncState" (
    "appRef" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "lastError" TEXT,
    "syncedAt" TIMESTAMP(3),
    "driftDiff" TEXT,
    "driftAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrafanaSyncState_pkey" PRIMARY KEY ("appRef")
);

-- CreateTable
CREATE TABLE "Meta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meta_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ThresholdVersion_appRef_version_key" ON "ThresholdVersion"("appRef", "version");

-- CreateIndex
CREATE INDEX "TrafficSample_ts_idx" ON "TrafficSample"("ts");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_openKey_key" ON "Finding"("openKey");

-- CreateIndex
CREATE INDEX "Finding_appRef_startedAt_idx" ON "Finding"("appRef", "startedAt");

-- CreateIndex
CREATE INDEX "Finding_status_idx" ON "Finding"("status");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_findingId_event_channel_key" ON "Notification"("findingId", "event", "channel");

-- AddForeignKey
ALTER TABLE "ThresholdVersion" ADD CONSTRAINT "ThresholdVersion_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThresholdVersion" ADD CONSTRAINT "ThresholdVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppSignal" ADD CONSTRAINT "AppSignal_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrafanaSyncState" ADD CONSTRAINT "GrafanaSyncState_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
