// Stops calling a failing endpoint for a while after consecutive failures.

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMilliseconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may be made now (after the cool-down one trial call is let through). */
  get allows(): boolean {
    return this.now() >= this.openUntil;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  failure(): void {
    this.failures++;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMilliseconds;
  }
}
