package io.vgac.client;

/** The platform endpoints the client calls (paths relative to the base URL). */
enum Endpoint {
  PREDICT_WAIT("POST", "/api/predict/wait"),
  CLUSTER_SUMMARY("GET", "/api/cluster/summary"),
  JOBS_QUEUE("GET", "/api/jobs/queue"),
  CALIBRATION("GET", "/api/jobs/predict/calibration");

  private final String method;
  private final String path;

  Endpoint(String method, String path) {
    this.method = method;
    this.path = path;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** How error messages name the endpoint. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
