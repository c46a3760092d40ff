-- (a) Verify from a known environment: license i from its imported domain known-<i>.example.com.
local keys = {}
for line in io.lines(os.getenv("BENCH_WORK") .. "/known-keys.txt") do keys[#keys + 1] = line end
local bodies = {}
for i, key in ipairs(keys) do
  bodies[i] = string.format('{"license_key":"%s","domain":"known-%d.example.com","ip":"127.0.0.1"}', key, i - 1)
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end
