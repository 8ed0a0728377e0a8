-- wrk script shared by the benchmark and the load test.
--   WRK_PATHS   space-separated paths; with more than one, requests rotate through them.
--   WRK_TALLY   when set, count responses by status class (costs a Lua call per response,
--               so the benchmark leaves it off and checks the status before measuring).
-- done() prints one line, "WRK_JSON {...}", that bench/wrk.py reads.

local paths = {}
for path in (os.getenv("WRK_PATHS") or ""):gmatch("%S+") do
  table.insert(paths, path)
end

if #paths > 1 then
  local requests = {}
  local next_index = 0
  function init(args)
    for i, path in ipairs(paths) do
      requests[i] = wrk.format(nil, path)
    end
  end
  function request()
    next_index = next_index % #requests + 1
    return requests[next_index]
  end
elseif #paths == 1 then
  wrk.path = paths[1]
end

status_1xx, status_2xx, status_3xx, status_4xx, status_5xx = 0, 0, 0, 0, 0

if os.getenv("WRK_TALLY") then
  function response(status, headers, body)
    if status >= 500 then
      status_5xx = status_5xx + 1
    elseif status >= 400 then
      status_4xx = status_4xx + 1
    elseif status >= 300 then
      status_3xx = status_3xx + 1
    elseif status >= 200 then
      status_2xx = status_2xx + 1
    else
      status_1xx = status_1xx + 1
    end
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local tally = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    tally[1] = tally[1] + thread:get("status_1xx")
    tally[2] = tally[2] + thread:get("status_2xx")
    tally[3] = tally[3] + thread:get("status_3xx")
    tally[4] = tally[4] + thread:get("status_4xx")
    tally[5] = tally[5] + thread:get("status_5xx")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"latency_us": {"p50": %d, "p99": %d, "max": %d, "mean": %.1f}, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, ' ..
    '"status": {"1xx": %d, "2xx": %d, "3xx": %d, "4xx": %d, "5xx": %d}, "tallied": %s}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    tally[1], tally[2], tally[3], tally[4], tally[5],
    os.getenv("WRK_TALLY") and "true" or "false"))
end
