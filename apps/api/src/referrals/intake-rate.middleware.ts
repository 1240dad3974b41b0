import { HttpException, HttpStatus, Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { Environment } from '@app/config';
import { REDIS } from '@app/queue';
import { TokenVerifier } from '../auth/auth.guard';
import { THROTTLE_STORE_TIMEOUT_MS, withinTimeout } from '../auth/redis-throttler.storage';

/**
 * One LA's routine referral, by the generic cell rate algorithm: referrals are due one every
 * `interval` ms, and one may come up to `tolerance` ms ahead of its due time (the burst). KEYS[1]
 * holds the theoretical arrival time of the next; Redis' own clock serves every api instance.
 * Answers [admitted (0|1), ms until the next would be admitted].
 */
const ADMIT_SCRIPT = `
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - tolerance > now then return {0, tat - tolerance - now} end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', tat + interval - now + 1000)
return {1, 0}
`;
const COMMAND = 'intakeAdmit';
/** The longest a refusal is held before it is answered. */
const REFUSAL_DELAY_MS = 1_000;

type WithAdmitCommand = Redis & { [COMMAND](key: string, interval: number, tolerance: number): Promise<number[]> };

/**
 * Fair intake: each LA may submit INTAKE_RATE_LIMIT routine referrals a minute, at most
 * INTAKE_RATE_BURST of them at once and the rest at the steady pace, counted in Redis so that every
 * api instance shares the count; over it the answer is 429 with Retry-After, so a runaway client
 * cannot starve the other LAs nor drop a minute's matching on the workers at once. An emergency is
 * never counted nor refused. If Redis does not answer within half a second the referral is taken:
 * intake must not depend on Redis.
 *
 * A middleware, so it runs before the authentication guard: a refusal costs a token's signature
 * check and, while this instance knows the LA must wait, nothing more (waits only lengthen, so the
 * remembered time is never too late) - no database read and no Redis call - and the refusal is
 * answered when the LA's next turn is due (at most a second later), so a client that ignores
 * Retry-After cannot loop faster than the pace. A flooding client therefore takes as little as it
 * can from the emergencies that arrive meanwhile. A token that
 * does not verify passes through untouched, for the guard to answer 401.
 *
 * Emergencies go first: while this instance is taking one, routine referrals wait before any work
 * on them (see EmergenciesFirst).
 */
@Injectable()
export class IntakeRateMiddleware implements NestMiddleware {
  private readonly logger = new Logger(IntakeRateMiddleware.name);
  private readonly redis: WithAdmitCommand;
  private readonly prefix: string;
  private readonly limit: number;
  private readonly interval: number;
  private readonly tolerance: number;
  /** LA code to the time its next routine referral may be admitted, as Redis last answered. */
  private readonly waitUntil = new Map<string, number>();
  private readonly emergencies = new EmergenciesFirst();

  constructor(
    env: Environment,
    @Inject(REDIS) redis: Redis,
    private readonly tokens: TokenVerifier,
  ) {
    this.prefix = env.QUEUE_PREFIX;
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: ADMIT_SCRIPT });
    this.redis = redis as WithAdmitCommand;
    this.limit = env.INTAKE_RATE_LIMIT;
    this.interval = 60_000 / env.INTAKE_RATE_LIMIT;
    this.tolerance = this.interval * (Math.min(env.INTAKE_RATE_BURST, env.INTAKE_RATE_LIMIT) - 1);
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if ((request.body as { urgency?: unknown } | undefined)?.urgency === 'emergency') {
      this.emergencies.taking(response);
      return next();
    }
    await this.emergencies.done();
    const localAuthority = await this.tokens
      .verify(request.headers.authorization)
      .then((principal) => principal.localAuthorityCode)
      .catch(() => undefined);
    if (!localAuthority) return next();
    let waitMs = (this.waitUntil.get(localAuthority) ?? 0) - Date.now();
    if (waitMs <= 0) {
      this.waitUntil.delete(localAuthority);
      waitMs = await this.admit(localAuthority);
      if (waitMs <= 0) return next();
      this.waitUntil.set(localAuthority, Date.now() + waitMs);
    }
    // A client that retries at once, whatever Retry-After says, is answered no faster than the
    // LA's next turn comes (or a second): a timer, where a quick refusal would invite the next try.
    const delayMs = Math.min(waitMs, REFUSAL_DELAY_MS);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const seconds = Math.max(1, Math.ceil((waitMs - delayMs) / 1000));
    response.setHeader('Retry-After', String(seconds));
    throw new HttpException(
      `This local authority has sent routine referrals faster than ${this.limit} a minute, the most allowed; try again in ${seconds} seconds (emergencies are always taken)`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** 0 when the referral is admitted (and counted), else how long to wait, in ms. */
  private async admit(localAuthority: string): Promise<number> {
    try {
      const [admitted, waitMs] = await withinTimeout(
        this.redis[COMMAND](`${this.prefix}:throttle:intake:{la:${localAuthority}}`, this.interval, this.tolerance),
        THROTTLE_STORE_TIMEOUT_MS,
      );
      return admitted === 1 ? 0 : waitMs;
    } catch (error) {
      const { name, code } = error as { name?: string; code?: string };
      this.logger.warn({ err: { name, code } }, 'intake rate store unavailable: referral let through');
      return 0;
    }
  }
}

/** The longest a routine referral waits for an emergency ahead of it; an emergency takes tens of ms. */
const ROUTINE_WAIT_MS = 1_000;

/**
 * Routine referrals wait while this instance is taking an emergency, from its arrival to its
 * answer. Node serves requests turn by turn, so every routine request in progress would otherwise
 * take a turn between each of the emergency's steps (its token, its user, each statement of its
 * transaction); parked, they take none, and the emergency is stored as fast as on an idle system.
 * A routine referral never waits longer than ROUTINE_WAIT_MS, so a stuck emergency holds nothing up.
 */
export class EmergenciesFirst {
  private inProgress = 0;
  private allDone: Promise<void> | null = null;
  private finishAll: (() => void) | null = null;

  /** Counts an emergency in until its response is finished or its connection closed. */
  taking(response: Response): void {
    if (this.inProgress === 0) this.allDone = new Promise((resolve) => (this.finishAll = resolve));
    this.inProgress += 1;
    let counted = true;
    const finished = () => {
      if (!counted) return;
      counted = false;
      this.inProgress -= 1;
      if (this.inProgress === 0) this.finishAll?.();
    };
    response.once('finish', finished);
    response.once('close', finished);
  }

  /** Resolves at once with no emergency in progress, else when none is, or after ROUTINE_WAIT_MS. */
  async done(): Promise<void> {
    if (this.inProgress === 0 || !this.allDone) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.allDone, new Promise<void>((resolve) => (timer = setTimeout(resolve, ROUTINE_WAIT_MS)))]);
    clearTimeout(timer);
  }
}
