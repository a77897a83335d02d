-- wrk script for bench/memory.sh: cycles through the paths in $PATHS_FILE (one a line), English and Spanish in turn,
-- and once $REQUESTS responses have come back writes $DONE_FILE, so that bench/memory.sh stops wrk there (wrk itself
-- only stops at its -d time); prints how many responses came back with each status.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  paths, sent, received, limit, statuses = {}, 0, 0, tonumber(os.getenv("REQUESTS") or "2000"), {}
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
end

function request()
  sent = sent + 1
  local language = (sent % 2 == 0) and "es" or "en"
  return wrk.format("GET", paths[(sent - 1) % #paths + 1], { ["Accept-Language"] = language })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  received = received + 1
  if received == limit then
    local file = io.open(os.getenv("DONE_FILE"), "w")
    file:write("done\n")
    file:close()
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      io.write(string.format("  status %d: %d responses\n", status, n))
    end
  end
  io.write(string.format("  latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
