import type { Db } from '../../platform/db/db.ts';
import type { SigningKey } from '../../platform/audit/signing-key.ts';
import { createCheckpoint } from './create-checkpoint.ts';

/**
 * Signs new audit entries shortly after they commit: writes coalesce into one checkpoint per `delayMs`.
 * `flush()` forces one now (shutdown, tests).
 */
export class AuditCheckpointer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly key: SigningKey,
    private readonly headFile: string,
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  schedule = (): void => {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
    this.timer.unref();
  };

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const run = this.running.then(async () => {
      if (this.db.closed) return;
      try {
        await createCheckpoint({ db: this.db, key: this.key, headFile: this.headFile });
      } catch (err) {
        this.onError(err);
      }
    });
    this.running = run;
    await run;
  }
}
