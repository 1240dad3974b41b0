/**
 * The apps of a chaos run: api and worker processes that can be killed (SIGKILL, as the kernel's
 * OOM killer or a lost host does) and started again as a supervisor would, and the providers'
 * webhook endpoint, which records every alert it is sent.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BuiltApps } from '../bench/support/built-apps';
import { type AppProcess, freePort, startApp, waitForHealth } from '../bench/support/child-processes';
import { LOOPBACK } from '../bench/support/services';
import { sleep } from '../bench/support/teardown';

export interface Slot {
  name: string;
  kind: 'api' | 'worker';
  /** The process now serving the slot. */
  current: AppProcess;
  /** The api's base URL; the same port after every restart. */
  baseUrl?: string;
}

export interface AppsOptions {
  apps: BuiltApps;
  env: Record<string, string>;
  /** On top of `env` for the workers. */
  workerEnv: Record<string, string>;
  logDir: string;
  apis: number;
  workers: number;
}

/** Waits until a worker says it relays the outbox (its queues are served by then), or fails. */
async function waitForWorker(worker: AppProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!/outbox relay started/.test(worker.tail(400))) {
    if (!worker.alive()) await worker.exited;
    if (Date.now() > until) throw new Error(`${worker.name} did not start within ${timeoutMs / 1000}s; last output:\n${worker.tail()}`);
    await sleep(100);
  }
}

export class ChaosApps {
  readonly slots: Slot[] = [];
  private starts = 0;

  constructor(private readonly options: AppsOptions) {}

  async startAll(): Promise<void> {
    for (let n = 1; n <= this.options.apis; n += 1) {
      const baseUrl = `http://${LOOPBACK}:${await freePort()}`;
      this.slots.push({ name: `api-${n}`, kind: 'api', baseUrl, current: this.spawn(`api-${n}`, 'api', baseUrl) });
    }
    for (let n = 1; n <= this.options.workers; n += 1) {
      this.slots.push({ name: `worker-${n}`, kind: 'worker', current: this.spawn(`worker-${n}`, 'worker') });
    }
    await Promise.all(this.slots.map((slot) => this.ready(slot)));
  }

  get apis(): Slot[] {
    return this.slots.filter((slot) => slot.kind === 'api');
  }

  get workers(): Slot[] {
    return this.slots.filter((slot) => slot.kind === 'worker');
  }

  /** SIGKILL, then a new process in the slot at once; resolves when the new one is serving. */
  async killAndRestart(slot: Slot): Promise<void> {
    const dead = slot.current;
    const gone = new Promise<void>((resolve) => (dead.alive() ? dead.child.once('exit', () => resolve()) : resolve()));
    dead.child.kill('SIGKILL');
    await gone;
    await dead.stop();
    slot.current = this.spawn(slot.name, slot.kind, slot.baseUrl);
    await this.ready(slot);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.current.stop()));
  }

  private spawn(name: string, kind: 'api' | 'worker', baseUrl?: string): AppProcess {
    this.starts += 1;
    // Workers log at info: their start-up line says when they serve.
    const env =
      kind === 'api'
        ? { ...this.options.env, PORT: new URL(baseUrl!).port }
        : { ...this.options.env, ...this.options.workerEnv, LOG_LEVEL: 'info' };
    const script = kind === 'api' ? this.options.apps.api : this.options.apps.worker;
    return startApp(`${name}.${this.starts}`, script, env, { logDir: this.options.logDir, nodeArgs: this.options.apps.nodeArgs });
  }

  private async ready(slot: Slot): Promise<void> {
    if (slot.kind === 'api') await Promise.race([waitForHealth(slot.baseUrl!, slot.current, 120_000), slot.current.exited]);
    else await waitForWorker(slot.current, 120_000);
  }
}

/** A provider's webhook endpoint on loopback: answers 200 and keeps every delivery id it was sent. */
export class WebhookReceiver {
  readonly deliveryIds = new Set<string>();
  received = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on('end', () => {
        this.received += 1;
        const id = request.headers['x-delivery-id'];
        if (typeof id === 'string') this.deliveryIds.add(id);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, LOOPBACK, resolve));
    return `http://${LOOPBACK}:${(this.server!.address() as AddressInfo).port}/hooks/placements`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
