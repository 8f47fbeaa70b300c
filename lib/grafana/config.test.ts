import { describe, expect, it } from "vitest";
import { GrafanaConfigError, parseGrafanaSettings } from "./config";

const env = {
  GRAFANA_URL: "https://grafana.example.com/",
  GRAFANA_TOKEN: "glsa_x",
  GRAFANA_DATASOURCE_UID: "prom",
  PORTAL_URL: "https://portal.example.com/",
};

function errorOf(input: Record<string, string | undefined>): GrafanaConfigError {
  try {
    parseGrafanaSettings(input);
  } catch (err) {
    if (err instanceof GrafanaConfigError) return err;
  }
  throw new Error("expected a GrafanaConfigError");
}

describe("parseGrafanaSettings", () => {
  it("returns null when GRAFANA_URL is unset or empty", () => {
    expect(parseGrafanaSettings({})).toBeNull();
    expect(parseGrafanaSettings({ GRAFANA_URL: "" })).toBeNull();
  });

  it("applies defaults and strips trailing slashes", () => {
    expect(parseGrafanaSettings(env)).toEqual({
      url: "https://grafana.example.com",
      token: "glsa_x",
      datasourceUid: "prom",
      queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
      groupIntervalSeconds: 60,
      provenance: "locked",
      portalUrl: "https://portal.example.com",
    });
  });

  it("reads every optional variable", () => {
    const s = parseGrafanaSettings({
      ...env,
      GRAFANA_QUERY_TEMPLATE: 'sum(rate(req_total{service="$appId"}[1m]))',
      GRAFANA_GROUP_INTERVAL_SECONDS: "30",
      GRAFANA_PROVENANCE: "editable",
    });
    expect(s).toMatchObject({ groupIntervalSeconds: 30, provenance: "editable", queryTemplate: 'sum(rate(req_total{service="$appId"}[1m]))' });
  });

  it("names each bad variable in the error", () => {
    const err = errorOf({ GRAFANA_URL: "grafana", GRAFANA_GROUP_INTERVAL_SECONDS: "15", GRAFANA_PROVENANCE: "maybe" });
    expect(err.variables).toEqual(
      expect.arrayContaining(["GRAFANA_URL", "GRAFANA_TOKEN", "GRAFANA_DATASOURCE_UID", "GRAFANA_GROUP_INTERVAL_SECONDS", "GRAFANA_PROVENANCE", "PORTAL_URL"]),
    );
    expect(err.message).toContain("GRAFANA_GROUP_INTERVAL_SECONDS must be a multiple of 10");
    expect(err.message).toContain("GRAFANA_TOKEN is required");
  });

  it("rejects a query template without $appId", () => {
    expect(errorOf({ ...env, GRAFANA_QUERY_TEMPLATE: "up" }).variables).toEqual(["GRAFANA_QUERY_TEMPLATE"]);
  });
});
