// Loaded with --require in separate (untimed) runs: records the process's peak RSS when it exits.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.RDSJOB_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
