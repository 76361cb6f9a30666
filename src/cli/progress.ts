/**
 * A one-line progress bar on stderr, drawn only when stderr is a TTY (so pipes and CI stay clean).
 */
export interface ProgressBar {
  tick(done: number, label?: string): void;
  done(): void;
}

/** Makes a progress bar for `total` items; a no-op when stderr is not a terminal. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY || total <= 1) return { tick() {}, done() {} };
  const width = 30;
  let last = -1;
  return {
    tick(done, label = '') {
      const pct = Math.floor((100 * done) / total);
      if (pct === last) return;
      last = pct;
      const filled = Math.round((width * done) / total);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total} ${label}`.slice(0, 100));
    },
    done() {
      stream.write('\n');
    },
  };
}
