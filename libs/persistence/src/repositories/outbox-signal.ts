import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox.repository';

/** Longest a committed outbox row waits for its wake-up; bursts share one NOTIFY per window. */
const COALESCE_MS = 10;

/**
 * Wakes the outbox relays after a commit with a NOTIFY of its own. Many commits in a burst cost one
 * notification, and a failed one costs nothing but latency: the relays also poll.
 */
@Injectable()
export class OutboxSignal {
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  signal(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (!this.dataSource.isInitialized) return;
      this.dataSource.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`).catch(() => undefined);
    }, COALESCE_MS);
    this.pending.unref();
  }
}
