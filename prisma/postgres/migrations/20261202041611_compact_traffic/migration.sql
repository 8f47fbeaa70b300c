-- Compact traffic history (docs/traffic.md): an integer key per app, epoch seconds, and rollups.
-- Existing samples are moved here, in this migration (one transaction), to the level they belong
-- to under the default settings (raw: the last 3 days; 5-minute rollups: up to 15 days; 1-hour
-- rollups: older), cut at the hour. Every old sample ends up counted at exactly one level;
-- samples of ids that are not (or no longer) apps are dropped. Two old samples of one app within
-- the same second become one. Retention then applies as usual.

-- CreateTable
CREATE TABLE "TrafficSeries" (
    "key" SERIAL NOT NULL,
    "appRef" TEXT NOT NULL,

    CONSTRAINT "TrafficSeries_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrafficSeries_appRef_key" ON "TrafficSeries"("appRef");

INSERT INTO "TrafficSeries" ("appRef")
SELECT "id" FROM "App" WHERE "id" IN (SELECT DISTINCT "appRef" FROM "TrafficSample") ORDER BY "id";

-- CreateTable
CREATE TABLE "TrafficRollup5m" (
    "key" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TrafficRollup5m_pkey" PRIMARY KEY ("key","bucket")
);

-- CreateTable
CREATE TABLE "TrafficRollup1h" (
    "key" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TrafficRollup1h_pkey" PRIMARY KEY ("key","bucket")
);

-- RedefineTables
DROP INDEX "TrafficSample_ts_idx";
ALTER TABLE "TrafficSample" RENAME TO "old_TrafficSample";
ALTER TABLE "old_TrafficSample" RENAME CONSTRAINT "TrafficSample_pkey" TO "old_TrafficSample_pkey";
CREATE TABLE "TrafficSample" (
    "key" INTEGER NOT NULL,
    "ts" BIGINT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TrafficSample_pkey" PRIMARY KEY ("key","ts")
);

CREATE TEMP TABLE "traffic_cut" AS
SELECT (floor(extract(epoch FROM now()) / 3600)::bigint * 3600 - 3 * 86400) AS "raw",
       (floor(extract(epoch FROM now()) / 3600)::bigint * 3600 - 15 * 86400) AS "fine";

INSERT INTO "TrafficSample" ("key", "ts", "value")
SELECT DISTINCT ON (s."key", o."ts" / 1000) s."key", o."ts" / 1000, o."value"
FROM "old_TrafficSample" o JOIN "TrafficSeries" s ON s."appRef" = o."appRef"
WHERE o."ts" / 1000 >= (SELECT "raw" FROM "traffic_cut")
ORDER BY s."key", o."ts" / 1000, o."ts" DESC;

INSERT INTO "TrafficRollup5m" ("key", "bucket", "count", "sum", "min", "max")
SELECT s."key", o."ts" / 1000 / 300 * 300, COUNT(*), SUM(o."value"), MIN(o."value"), MAX(o."value")
FROM "old_TrafficSample" o JOIN "TrafficSeries" s ON s."appRef" = o."appRef"
WHERE o."ts" / 1000 < (SELECT "raw" FROM "traffic_cut") AND o."ts" / 1000 >= (SELECT "fine" FROM "traffic_cut")
GROUP BY s."key", o."ts" / 1000 / 300 * 300;

INSERT INTO "TrafficRollup1h" ("key", "bucket", "count", "sum", "min", "max")
SELECT s."key", o."ts" / 1000 / 3600 * 3600, COUNT(*), SUM(o."value"), MIN(o."value"), MAX(o."value")
FROM "old_TrafficSample" o JOIN "TrafficSeries" s ON s."appRef" = o."appRef"
WHERE o."ts" / 1000 < (SELECT "fine" FROM "traffic_cut")
GROUP BY s."key", o."ts" / 1000 / 3600 * 3600;

DROP TABLE "traffic_cut";
DROP TABLE "old_TrafficSample";
