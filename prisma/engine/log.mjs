// Log lines in the native engine's JSON format, on stderr.
export function logLine(level, message, extra = {}, target = "schema_engine_cli") {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target,
  });
}

export function writeLog(level, message, extra, target) {
  process.stderr.write(logLine(level, message, extra, target) + "\n");
}
