-- (d) Deactivate + re-activate pairs: each key of pair-keys.txt has one environment pair-<i>.example.com
-- from its own address (through the trusted proxy 127.0.0.1). Calls go round the keys: the first
-- round activates (Verify), the next deactivates (Deactivate), and so on; a key's next call comes
-- after every other key's, so no two calls on one key are in flight together. The keys' plan allows
-- unlimited deactivations. Every answer is 200: non-2xx counts what failed.
local keys = {}
for line in io.lines(os.getenv("BENCH_WORK") .. "/pair-keys.txt") do keys[#keys + 1] = line end
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
local counter = -1
local total = tonumber(os.getenv("BENCH_THREADS") or "2")
request = function()
  counter = counter + 1
  -- Thread t of n takes the keys t, t + n, ...: two threads never share a key.
  local per_thread = math.floor(#keys / total)
  local slot = counter % per_thread
  local index = slot * total + (thread_id - 1) + 1
  local round = math.floor(counter / per_thread)
  local ip = string.format("172.16.%d.%d", math.floor(index / 256) % 256, index % 256)
  local body = string.format('{"license_key":"%s","domain":"pair-%d.example.com","ip":"%s"}', keys[index], index, ip)
  local path = (round % 2 == 0) and "/api/v1/licenses/verify" or "/api/v1/licenses/deactivate"
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end
