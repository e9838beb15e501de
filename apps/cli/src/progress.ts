import cliProgress from 'cli-progress';

/** A progress bar on stderr for long steps (reference data loads, imports); plain lines when not a TTY. */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let lastPct = -1;
    return {
      update(done, total) {
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct >= lastPct + 25 || done === total) {
          lastPct = pct;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
