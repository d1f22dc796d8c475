/**
 * Per-request timing for a bench server (bench/server.js, bench/bare.js): the first of the request
 * listeners, so an answer written before any other listener is timed too, from arrival to its last
 * byte handed to the socket. `switchTiming(on)` starts a new record or stops, and answers what was
 * recorded since the last switch: { timings: { url: [ms, …] }, cpuMicros } (the process's CPU time).
 */
function timeRequests(httpServer) {
  let timings = null;
  let cpuSince = process.cpuUsage();
  httpServer.prependListener('request', (request, response) => {
    if (!timings) return;
    const record = timings;
    const start = process.hrtime.bigint();
    response.once('finish', () => {
      const url = request.url;
      if (!record.has(url)) record.set(url, []);
      record.get(url).push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
  return function switchTiming(on) {
    const recorded = timings;
    const cpu = process.cpuUsage(cpuSince);
    timings = on ? new Map() : null;
    cpuSince = process.cpuUsage();
    return {
      timings: recorded ? Object.fromEntries(recorded) : {},
      cpuMicros: recorded ? cpu.user + cpu.system : 0,
    };
  };
}

module.exports = { timeRequests };
