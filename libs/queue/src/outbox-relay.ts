import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { OUTBOX_CHANNEL, OutboxRepository, OutboxRow } from '@app/persistence';
import { isJobName, JOB_QUEUE, JobName, outboxJobId, QueueName } from '@app/jobs';
import { jobOptions } from './job-options';

export interface OutboxRelayOptions {
  databaseUrl: string;
  batchSize?: number;
  /** Longest wait between polls when no notification arrives. */
  pollIntervalMs?: number;
  /** Longest a publish may take before the batch is abandoned and retried. */
  publishTimeoutMs?: number;
  onError?: (error: unknown) => void;
  /**
   * The queues whose rows this relay publishes: those its process serves, so a process busy with
   * routine work never stands between the emergency lane's rows and the process that runs them.
   * All queues when unset.
   */
  queues?: readonly QueueName[];
  /**
   * Work the loop also does every `everyMs` (its first pass included), whatever else it is doing:
   * the worker checks its job schedulers here. A failure goes to `onError` and is tried next time.
   */
  periodic?: { everyMs: number; run: () => Promise<void> };
}

/**
 * Moves committed outbox rows onto their BullMQ queues. Woken by NOTIFY on commit and by a poll as
 * a safety net; several relays (one per worker) share the work through SKIP LOCKED. While Redis is
 * down the rows simply wait, and are published when it returns.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private listening: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Set by a notification; one that arrives while a batch is publishing must not wait for the poll. */
  private notified = false;
  private listener: Client | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly publishTimeoutMs: number;
  private readonly jobNames: JobName[];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: ReadonlyMap<QueueName, Queue>,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
    const served = options.queues ?? Object.values(QueueName);
    this.jobNames = Object.values(JobName).filter((job) => served.includes(JOB_QUEUE[job]));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listening = this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.listener?.end().catch(() => undefined);
    await Promise.all([this.loop, this.listening]);
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishOnce(): Promise<number> {
    return this.outbox.publishPending(this.batchSize, this.jobNames, (rows) => this.publish(rows), [QueueName.Emergency]);
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<QueueName, Parameters<Queue['addBulk']>[0]>();
    for (const row of rows) {
      if (!isJobName(row.jobName)) throw new Error(`outbox row ${row.id} names unknown job ${row.jobName}`);
      const queueName = JOB_QUEUE[row.jobName as JobName];
      const jobs = byQueue.get(queueName) ?? [];
      jobs.push({
        name: row.jobName,
        data: row.payload,
        // The outbox row id is the job id, so a row published twice is one job.
        opts: jobOptions(row.jobName as JobName, row.payload as never, { jobId: outboxJobId(row.id) }),
      });
      byQueue.set(queueName, jobs);
    }
    const publishing = Promise.all(
      [...byQueue].map(([queueName, jobs]) => {
        const queue = this.queues.get(queueName);
        if (!queue) throw new Error(`no queue ${queueName} configured for the outbox relay`);
        return queue.addBulk(jobs);
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('publishing to Redis timed out')), this.publishTimeoutMs);
    });
    try {
      await Promise.race([publishing, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    let periodicDue = 0;
    while (this.running) {
      if (this.options.periodic && Date.now() >= periodicDue) {
        periodicDue = Date.now() + this.options.periodic.everyMs;
        await this.options.periodic.run().catch((error: unknown) => this.options.onError?.(error));
      }
      this.notified = false;
      let published = 0;
      try {
        published = await this.publishOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(error);
      }
      if (!this.running) break;
      if (published === this.batchSize) continue;
      if (failures === 0 && this.notified) continue;
      const wait = failures > 0 ? Math.min(250 * 2 ** failures, 5_000) : this.pollIntervalMs;
      await this.sleep(wait, failures === 0);
    }
  }

  /** Waits `ms`; a notification cuts the wait short unless we are backing off after a failure. */
  private sleep(ms: number, interruptible: boolean): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = () => {
        if (interruptible || !this.running) finish();
      };
    });
  }

  /**
   * A dedicated connection for LISTEN; if it drops, polling carries on and it reconnects. A
   * connection still opening when stop() is called is closed as soon as it opens.
   */
  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        application_name: 'outbox-relay',
        connectionTimeoutMillis: 5_000,
      });
      const closed = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        if (this.running) {
          this.listener = client;
          client.on('notification', () => {
            this.notified = true;
            this.wake?.();
          });
          await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
          if (this.running) await closed;
        }
      } catch (error) {
        if (this.running) this.options.onError?.(error);
      }
      this.listener = undefined;
      await client.end().catch(() => undefined);
      for (let waited = 0; this.running && waited < 1_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
