/**
 * A token bucket: `rate` tokens per second, at most `burst` saved up. Takers queue in FIFO
 * order and one pump hands out tokens as they accrue — tokens are spent at the moment a
 * send starts, never reserved ahead, so a stalled event loop cannot release a backlog of
 * "owed" slots at once: whatever the stalls, any interval sees at most burst + rate × t
 * sends. A throttling answer from the provider pauses the bucket (`penalise`), so every
 * sender in the container slows down, not just the one refused, and lowers the pace by 10 %
 * (never below half), which then creeps back to the full rate as tokens are granted: if the
 * provider keeps seeing bursts the sender cannot see (network jitter), the pace settles just
 * under the point where they cause throttling.
 *
 * One bucket per container and channel. Fleet-wide, the configured rate is divided by the
 * number of containers allowed to send (see shared/messaging/README.md).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly waiting: (() => void)[] = [];
  private pumping = false;
  /** Share of the configured rate in use: 1 unless the provider throttled recently. */
  private pace = 1;

  constructor(
    readonly ratePerSecond: number,
    readonly burst = 1,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = Math.max(1, burst);
    this.last = clock();
  }

  get unlimited(): boolean {
    return !(this.ratePerSecond > 0 && Number.isFinite(this.ratePerSecond));
  }

  /** Waits for a token. */
  take(): Promise<void> {
    if (this.unlimited) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.pumping) void this.pump();
    });
  }

  /** The rate currently paced at (tokens per second). */
  get currentRate(): number {
    return this.ratePerSecond * this.pace;
  }

  /** Pauses the bucket for `ms` (the provider said we are too fast), drops saved tokens, slows the pace. */
  penalise(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
    this.tokens = 0;
    this.pace = Math.max(0.5, this.pace * 0.9);
  }

  private refill(now: number) {
    this.tokens = Math.min(Math.max(1, this.burst), this.tokens + ((now - this.last) * this.currentRate) / 1000);
    this.last = now;
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.waiting.length) {
        const now = this.clock();
        if (now < this.pausedUntil) {
          await this.sleep(this.pausedUntil - now);
          this.refill(this.clock());
          this.tokens = Math.min(this.tokens, 1);
          continue;
        }
        this.refill(now);
        if (this.tokens >= 1) {
          this.tokens -= 1;
          // Back towards the full rate: half the way in about 350 grants.
          this.pace = Math.min(1, this.pace + (1 - this.pace) * 0.002);
          this.waiting.shift()!();
          continue;
        }
        await this.sleep(Math.max(1, ((1 - this.tokens) * 1000) / this.currentRate));
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** Exponential backoff with jitter (half fixed, half random), capped. */
export function backoffMs(attempt: number, baseMs = 100, capMs = 10_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
