-- CreateTable
CREATE TABLE "ThresholdVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appRef" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "floorRps" REAL NOT NULL,
    "ceilingRps" REAL,
    "maxWeeklyDropPercent" REAL,
    "forDuration" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "rolledBackFrom" INTEGER,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ThresholdVersion_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThresholdVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrafficSample" (
    "appRef" TEXT NOT NULL,
    "ts" BIGINT NOT NULL,
    "value" REAL NOT NULL,

    PRIMARY KEY ("appRef", "ts")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appRef" TEXT NOT NULL,
    "detector" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "startedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "observed" REAL NOT NULL,
    "expected" REAL NOT NULL,
    "bandLow" REAL,
    "bandHigh" REAL,
    "deviation" REAL NOT NULL,
    "windowFrom" DATETIME NOT NULL,
    "windowTo" DATETIME NOT NULL,
    "explanation" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Finding_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "findingId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppSignal" (
    "appRef" TEXT NOT NULL PRIMARY KEY,
    "anomalyScore" REAL NOT NULL,
    "trendPerDay" REAL,
    "expected" REAL NOT NULL,
    "observed" REAL NOT NULL,
    "evaluatedAt" DATETIME NOT NULL,
    CONSTRAINT "AppSignal_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrafanaSyncState" (
    "appRef" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "lastError" TEXT,
    "syncedAt" DATETIME,
    "driftDiff" TEXT,
    "driftAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrafanaSyncState_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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
