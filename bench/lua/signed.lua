-- (s) Verify from a known environment with a nonce: the answer echoes it and is signed (Ed25519).
local keys = {}
for line in io.lines(os.getenv("BENCH_WORK") .. "/known-keys.txt") do keys[#keys + 1] = line end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local i = n % #keys
  return wrk.format(nil, nil, nil, string.format('{"license_key":"%s","domain":"known-%d.example.com","ip":"127.0.0.1","nonce":"bench-%d"}', keys[i + 1], i, n))
end
