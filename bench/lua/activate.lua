-- (c) New environments: every call names a domain and comes (through the trusted proxy
-- 127.0.0.1) from an address no call used before, on unlimited licenses. BENCH_NODE (0, 1) keeps
-- the domains and addresses of two wrk processes (one per node, BENCH_NODES=2) apart.
local node = tonumber(os.getenv("BENCH_NODE") or "0")
local keys = {}
for line in io.lines(os.getenv("BENCH_WORK") .. "/unlimited-keys.txt") do keys[#keys + 1] = line end
local counter = 0
local threads = 0
-- Runs once per thread in the main state; thread_id becomes a global of that thread.
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local id = (node * 8 + thread_id) * 1000000 + counter
  local ip = string.format("10.%d.%d.%d", math.floor(id / 65536) % 256, math.floor(id / 256) % 256, id % 256)
  local body = string.format('{"license_key":"%s","domain":"n%d-t%d-%d.example.com","ip":"%s"}', keys[(counter % #keys) + 1], node, thread_id, counter, ip)
  return wrk.format(nil, nil, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end
