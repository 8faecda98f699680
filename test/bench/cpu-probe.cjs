// Loaded with --require in every timed run under BENCH_CPU=1 (the baseline's too): records the process's own CPU
// time (user + system, in µs) when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.RDSJOB_BENCH_CPU_FILE, String(user + system));
});
