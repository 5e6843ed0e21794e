// Loaded into a process under test (NODE_OPTIONS=--import): prints its memory every 250 ms
// on stderr, as one line `memory rss=… heapTotal=… heapUsed=… external=… arrayBuffers=…` (MB).
const mb = (n) => Math.round(n / (1024 * 1024));
setInterval(() => {
  const m = process.memoryUsage();
  process.stderr.write(`memory rss=${mb(m.rss)} heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}\n`);
}, 250).unref();
