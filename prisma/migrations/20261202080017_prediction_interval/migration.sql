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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
