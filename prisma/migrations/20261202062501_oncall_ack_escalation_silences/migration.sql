-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "steps" TEXT NOT NULL,
    "repeat" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EscalationPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appRef" TEXT NOT NULL,
    "from" DATETIME NOT NULL,
    "until" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "endedById" TEXT,
    "pauseState" TEXT NOT NULL DEFAULT 'pending',
    CONSTRAINT "Silence_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Silence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appRef" TEXT,
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
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "resolvedById" TEXT,
    "resolveReason" TEXT,
    "pageState" TEXT NOT NULL DEFAULT 'quiet',
    "coveredById" TEXT,
    "silenceId" TEXT,
    "escalationSteps" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Finding_appRef_fkey" FOREIGN KEY ("appRef") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Finding_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Finding_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Finding_coveredById_fkey" FOREIGN KEY ("coveredById") REFERENCES "Finding" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Finding_silenceId_fkey" FOREIGN KEY ("silenceId") REFERENCES "Silence" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Finding" ("appRef", "bandHigh", "bandLow", "createdAt", "detector", "deviation", "expected", "explanation", "id", "observed", "openKey", "resolvedAt", "severity", "startedAt", "status", "updatedAt", "windowFrom", "windowTo") SELECT "appRef", "bandHigh", "bandLow", "createdAt", "detector", "deviation", "expected", "explanation", "id", "observed", "openKey", "resolvedAt", "severity", "startedAt", "status", "updatedAt", "windowFrom", "windowTo" FROM "Finding";
DROP TABLE "Finding";
ALTER TABLE "new_Finding" RENAME TO "Finding";
CREATE UNIQUE INDEX "Finding_openKey_key" ON "Finding"("openKey");
CREATE INDEX "Finding_appRef_startedAt_idx" ON "Finding"("appRef", "startedAt");
CREATE INDEX "Finding_status_idx" ON "Finding"("status");
CREATE INDEX "Finding_pageState_idx" ON "Finding"("pageState");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "findingId" TEXT,
    "event" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "userId" TEXT,
    "notice" TEXT,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "batchKey" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("attempts", "channel", "createdAt", "event", "findingId", "id", "lastError", "nextAttemptAt", "recipient", "sentAt", "status") SELECT "attempts", "channel", "createdAt", "event", "findingId", "id", "lastError", "nextAttemptAt", "recipient", "sentAt", "status" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");
CREATE UNIQUE INDEX "Notification_findingId_event_channel_recipient_step_key" ON "Notification"("findingId", "event", "channel", "recipient", "step");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Silence_appRef_until_idx" ON "Silence"("appRef", "until");

-- CreateIndex
CREATE INDEX "Silence_pauseState_idx" ON "Silence"("pauseState");
