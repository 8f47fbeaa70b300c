-- CreateIndex
CREATE INDEX "DetectorState_appRef_watermark_idx" ON "DetectorState"("appRef", "watermark");
