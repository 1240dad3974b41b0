/**
 * The traffic of a chaos run, as the people using the product make it: a placement officer
 * submitting referrals (every fifth an emergency), providers offering a bed on the referrals
 * shortlisted to them and opening new vacancies now and then, and the officer accepting half of
 * those offers. Requests go round-robin
 * over the api processes; a request that meets a fault (refused, reset, timed out, 5xx, 429) is
 * tried again as a client would, a referral under the same Idempotency-Key, so a referral counts
 * as acknowledged only when the api answered it with its id.
 */
import { randomUUID } from 'node:crypto';
import { referralRequest } from '../bench/support/http';
import { sleep } from '../bench/support/teardown';
import { vacancyBody } from './seed';

export interface Answer {
  status: number;
  body: any;
  /** Set when no HTTP answer came back (connection refused or reset, timeout). */
  error?: string;
}

export interface Acknowledged {
  id: string;
  urgency: 'emergency' | 'planned';
  /** ms since the run started. */
  at: number;
}

type Stage = 'waiting' | 'offered' | 'done';

interface Pipeline {
  referral: Acknowledged;
  stage: Stage;
  offerId?: string;
  accept: boolean;
}

export interface DriveTotals {
  submitted: number;
  acknowledged: number;
  emergencies: number;
  /** Referrals given up on after every retry: never acknowledged, so never counted on. */
  unacknowledged: number;
  /** Vacancies providers opened during the run (each one's change re-matches the referrals waiting). */
  vacanciesOpened: number;
  offers: number;
  acceptances: number;
  /** Acceptances refused because the bed had gone to another child (409), as they should be. */
  acceptRefused: number;
  /** Answers other than the expected ones, by status (0 = no answer), while faults were on. */
  faultAnswers: Record<string, number>;
}

/** A status worth retrying: no answer, the api or a dependency unavailable, or throttled. */
const transient = (answer: Answer) => answer.status === 0 || answer.status >= 500 || answer.status === 429;

export class Driver {
  readonly acknowledged: Acknowledged[] = [];
  readonly totals: DriveTotals = {
    submitted: 0,
    acknowledged: 0,
    emergencies: 0,
    unacknowledged: 0,
    vacanciesOpened: 0,
    offers: 0,
    acceptances: 0,
    acceptRefused: 0,
    faultAnswers: {},
  };
  private readonly pipelines: Pipeline[] = [];
  private running = false;
  private turn = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrls: () => string[],
    private readonly officerToken: string,
    private readonly providerTokens: Map<string, string>,
    private readonly settingIds: Map<string, string[]>,
    private readonly startedAt: number,
    private readonly gaps: { intakeMs: number; vacancyMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.loops = [this.intake(), this.offersAndAcceptances(), this.openVacancies()];
  }

  get isRunning(): boolean {
    return this.running;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** One request to the next api in turn, never throwing. */
  async call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const urls = this.baseUrls();
    const baseUrl = urls[this.turn++ % urls.length];
    try {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text for the report
      }
      return { status: response.status, body: parsed };
    } catch (error) {
      return { status: 0, body: undefined, error: error instanceof Error ? (error.cause as Error)?.message ?? error.message : String(error) };
    }
  }

  /** Tries again while the answer is transient, up to `tries` times, pausing between tries. */
  async retrying(tries: number, attempt: () => Promise<Answer>): Promise<Answer> {
    let answer = await attempt();
    for (let n = 1; n < tries && transient(answer); n += 1) {
      this.totals.faultAnswers[answer.status] = (this.totals.faultAnswers[answer.status] ?? 0) + 1;
      await sleep(250);
      answer = await attempt();
    }
    if (transient(answer)) this.totals.faultAnswers[answer.status] = (this.totals.faultAnswers[answer.status] ?? 0) + 1;
    return answer;
  }

  private now(): number {
    return Date.now() - this.startedAt;
  }

  private async intake(): Promise<void> {
    let n = 0;
    while (this.running) {
      n += 1;
      const urgency = n % 5 === 0 ? 'emergency' : 'planned';
      const body = referralRequest(`CHAOS-${n}`, n, urgency, ['K2']);
      const key = randomUUID();
      this.totals.submitted += 1;
      // Up to ~60 s of retries: longer than any fault here lasts, so a referral is only given up
      // on when the platform really refused it.
      const answer = await this.retrying(240, () => this.call('POST', '/referrals', this.officerToken, body, { 'Idempotency-Key': key }));
      if ((answer.status === 202 || answer.status === 200) && answer.body?.id) {
        const referral = { id: answer.body.id as string, urgency, at: this.now() } as Acknowledged;
        this.acknowledged.push(referral);
        this.pipelines.push({ referral, stage: 'waiting', accept: this.acknowledged.length % 2 === 0 });
        this.totals.acknowledged += 1;
        if (urgency === 'emergency') this.totals.emergencies += 1;
      } else {
        this.totals.unacknowledged += 1;
      }
      await sleep(this.gaps.intakeMs);
    }
  }

  /**
   * Providers open a vacancy now and then, so beds keep coming free for the whole run. Not retried:
   * POST /vacancies has no idempotency key, and a retry could open a second one.
   */
  private async openVacancies(): Promise<void> {
    const settings = [...this.settingIds].flatMap(([providerId, ids]) => ids.map((settingId) => ({ providerId, settingId })));
    let n = 0;
    while (this.running) {
      await sleep(this.gaps.vacancyMs);
      const { providerId, settingId } = settings[n % settings.length];
      n += 1;
      const opened = await this.call('POST', '/vacancies', this.providerTokens.get(providerId)!, vacancyBody(settingId, n));
      if (opened.status === 201) this.totals.vacanciesOpened += 1;
    }
  }

  private async offersAndAcceptances(): Promise<void> {
    while (this.running) {
      const due = this.pipelines.filter((pipeline) => pipeline.stage !== 'done').slice(0, 6);
      await Promise.all(due.map((pipeline) => this.step(pipeline)));
      await sleep(300);
    }
  }

  /** Moves one referral on by a step: offer when it is shortlisted, then accept (or not). */
  private async step(pipeline: Pipeline): Promise<void> {
    const { id } = pipeline.referral;
    if (pipeline.stage === 'waiting') {
      const referral = await this.call('GET', `/referrals/${id}`, this.officerToken);
      if (referral.status !== 200) return;
      if (referral.body.status === 'no_match' || referral.body.status === 'placed') pipeline.stage = 'done';
      if (referral.body.status !== 'shortlisted') return;
      const matches = await this.call('GET', `/referrals/${id}/matches`, this.officerToken);
      const best = matches.status === 200 ? matches.body.items?.find((item: any) => this.providerTokens.has(item.providerId)) : undefined;
      if (!best) return;
      const offer = await this.call('POST', `/referrals/${id}/offers`, this.providerTokens.get(best.providerId)!, {
        vacancyId: best.vacancyId,
        weeklyCost: best.weeklyCost,
      });
      let offerId: string | undefined = offer.status === 201 ? offer.body.id : undefined;
      if (offer.status === 409) {
        // An earlier try made the offer but its answer was lost to a fault: the officer sees it.
        const offers = await this.call('GET', `/referrals/${id}/offers`, this.officerToken);
        const items: any[] = offers.status === 200 ? (Array.isArray(offers.body) ? offers.body : (offers.body?.items ?? [])) : [];
        offerId = items.find((item) => item.vacancyId === best.vacancyId && item.status === 'open')?.id;
      }
      if (offerId) {
        this.totals.offers += 1;
        pipeline.offerId = offerId;
        pipeline.stage = pipeline.accept ? 'offered' : 'done';
      } else if (!transient(offer) && offer.status !== 409) {
        pipeline.stage = 'done';
      }
      return;
    }
    const accepted = await this.call('POST', `/offers/${pipeline.offerId}/accept`, this.officerToken);
    if (accepted.status === 201) {
      this.totals.acceptances += 1;
      pipeline.stage = 'done';
    } else if (accepted.status === 409 || accepted.status === 404) {
      // The bed went to another child, or an earlier try of this very acceptance took it.
      const referral = await this.call('GET', `/referrals/${id}`, this.officerToken);
      if (referral.status === 200 && referral.body.status === 'placed') this.totals.acceptances += 1;
      else this.totals.acceptRefused += 1;
      pipeline.stage = 'done';
    } else if (transient(accepted)) {
      this.totals.faultAnswers[accepted.status] = (this.totals.faultAnswers[accepted.status] ?? 0) + 1;
    } else {
      pipeline.stage = 'done';
    }
  }
}
