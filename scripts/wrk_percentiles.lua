-- make bench: wrk's figures as one JSON line (requests a second, latency percentiles in ms).
done = function(summary, latency, requests)
  io.write(string.format(
    '{"rps": %.2f, "p50": %.2f, "p95": %.2f, "p99": %.2f, "requests": %d}\n',
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests))
end
