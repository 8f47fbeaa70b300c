import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { grafanaSettingsOf } from "./config";

const env = {
  GRAFANA_URL: "https://grafana.example.com/",
  GRAFANA_TOKEN: "glsa_x",
  GRAFANA_DATASOURCE_UID: "prom",
  PORTAL_URL: "https://portal.example.com/",
};

const settings = (input: Record<string, string | undefined>) => grafanaSettingsOf(parseEnv(input));

function errorOf(input: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(input);
  } catch (err) {
    if (err instanceof EnvError) return err;
  }
  throw new Error("expected an EnvError");
}

// The Grafana settings are parsed with every other setting (lib/env) and mapped here.
describe("Grafana settings", () => {
  it("are off when GRAFANA_URL is unset or empty", () => {
    expect(settings({})).toBeNull();
    expect(settings({ GRAFANA_URL: "" })).toBeNull();
  });

  it("apply defaults and strip trailing slashes", () => {
    expect(settings(env)).toEqual({
      url: "https://grafana.example.com",
      token: "glsa_x",
      datasourceUid: "prom",
      queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
      groupIntervalSeconds: 60,
      provenance: "locked",
      portalUrl: "https://portal.example.com",
    });
  });

  it("read every optional variable", () => {
    const s = settings({
      ...env,
      GRAFANA_QUERY_TEMPLATE: 'sum(rate(req_total{service="$appId"}[1m]))',
      GRAFANA_GROUP_INTERVAL_SECONDS: "30",
      GRAFANA_PROVENANCE: "editable",
    });
    expect(s).toMatchObject({ groupIntervalSeconds: 30, provenance: "editable", queryTemplate: 'sum(rate(req_total{service="$appId"}[1m]))' });
  });

  it("name each bad variable in the error", () => {
    const err = errorOf({ GRAFANA_URL: "grafana", GRAFANA_GROUP_INTERVAL_SECONDS: "15", GRAFANA_PROVENANCE: "maybe" });
    expect(err.variables).toEqual(expect.arrayContaining(["GRAFANA_URL", "GRAFANA_GROUP_INTERVAL_SECONDS", "GRAFANA_PROVENANCE"]));
    expect(err.message).toContain("GRAFANA_GROUP_INTERVAL_SECONDS: must be a multiple of 10");
    expect(err.message).toContain("GRAFANA_URL: must be an http(s) URL");
  });

  it("require the token, the data source and the portal's address once GRAFANA_URL is set", () => {
    const err = errorOf({ GRAFANA_URL: "https://grafana.example.com" });
    expect(err.variables.sort()).toEqual(["GRAFANA_DATASOURCE_UID", "GRAFANA_TOKEN", "PORTAL_URL"]);
    expect(err.message).toContain("GRAFANA_TOKEN: is required when GRAFANA_URL is set");
  });

  it("reject a query template without $appId", () => {
    expect(errorOf({ ...env, GRAFANA_QUERY_TEMPLATE: "up" }).variables).toEqual(["GRAFANA_QUERY_TEMPLATE"]);
  });

  it("repair drift automatically only with GRAFANA_DRIFT_REPAIR=auto", () => {
    expect(parseEnv({ GRAFANA_DRIFT_REPAIR: "auto" }).GRAFANA_DRIFT_REPAIR).toBe("auto");
    expect(parseEnv({ GRAFANA_DRIFT_REPAIR: "" }).GRAFANA_DRIFT_REPAIR).toBe("off");
    expect(parseEnv({}).GRAFANA_DRIFT_REPAIR).toBe("off");
    expect(errorOf({ GRAFANA_DRIFT_REPAIR: "yes" }).variables).toEqual(["GRAFANA_DRIFT_REPAIR"]);
  });
});
