import { anomalyDetector } from "./anomaly";
import { crashDetector } from "./crash";
import type { Detector } from "./detector";
import { thresholdDetector } from "./threshold";
import { trendDetector } from "./trend";

/**
 * Every detector, in the order their findings are listed. Adding one: a module exporting a
 * `Detector` (see detector.ts) and one line here; its name joins `DetectorName` in types.ts.
 * Later detectors see earlier findings (the anomaly finding yields to a crash), and the trend's
 * step reads the marks the crash's step wrote into the chunk (it leaves crashes out): crash first.
 */
// Each entry keeps its own state type (methods are bivariant); the engine only ever hands a
// detector the state that detector created.
export const DETECTORS: readonly Detector<unknown>[] = [crashDetector, trendDetector, thresholdDetector, anomalyDetector];
