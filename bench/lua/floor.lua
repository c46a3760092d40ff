-- The host's own floor: GET /health/live through the same middleware pipeline, no licensing code.
wrk.method = "GET"
wrk.path = "/health/live"
