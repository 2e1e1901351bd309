/** A one-line progress display on stderr: records/s, MB/s, percentage and time left. */
export class Progress {
  private bytes = 0;
  private records = 0;
  private readonly started = performance.now();
  private last = 0;

  constructor(private readonly total: number) {}

  advance(bytes: number, records: number): void {
    this.bytes += bytes;
    this.records += records;
    const now = performance.now();
    if (now - this.last < 200) return;
    this.last = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const frac = this.total > 0 ? Math.min(1, this.bytes / this.total) : 1;
    const width = 24;
    const filled = Math.round(frac * width);
    const eta = frac > 0 ? (secs / frac) * (1 - frac) : 0;
    const line =
      `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(frac * 100).toFixed(1)}% ` +
      `${Math.round(this.records / secs).toLocaleString("en-US")} rec/s ` +
      `${(this.bytes / 1e6 / secs).toFixed(1)} MB/s ETA ${formatSeconds(eta)}`;
    process.stderr.write(`\r${line}\x1b[K`);
  }

  done(): void {
    this.draw(performance.now());
    process.stderr.write("\n");
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "?";
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${Math.round(s % 60)}s` : `${s.toFixed(0)}s`;
}
