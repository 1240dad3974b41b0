import { randomUUID } from 'node:crypto';
import { type LoadResult, runLoad } from '../support/load';

/** The load side of intake: request bodies, keys sent, keys answered. */
export class IntakeLoad {
  private sequence = 0;
  /** Keys sent and not (yet) answered: in flight when a run stopped, or lost to a connection error. */
  readonly unanswered = new Set<string>();
  readonly accepted: string[] = [];
  /** The first few non-202 answers, to show. */
  readonly rejections: string[] = [];
  private readonly requiredBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  constructor(private readonly runTag: string) {}

  /** A valid referral; the child's reference, birthday, gender and need levels vary per request. */
  body(n: number): string {
    const dateOfBirth = new Date(Date.UTC(2009, 6, 1) + ((n * 7919) % 2_400) * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({
      child: {
        localReference: `BENCH-${this.runTag}-${n}`,
        dateOfBirth,
        gender: ['female', 'male', 'other'][n % 3],
        homePostcode: 'UB1 1AA',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        needs: [{ code: 'self-harm', level: 1 + (n % 3), essential: n % 2 === 0 }],
      },
      urgency: 'planned',
      requiredBy: this.requiredBy,
      placementTypes: ['K2', 'U6'],
      maxDistanceMiles: 30,
    });
  }

  load(url: string, token: string, connections: number, durationSeconds: number): Promise<LoadResult> {
    return runLoad({
      url,
      connections,
      durationSeconds,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      // autocannon calls this once per request it sends, with a context that stays with that
      // connection until its response has been handled (pipelining 1).
      setupRequest: (request, context) => {
        const key = randomUUID();
        context.key = key;
        this.unanswered.add(key);
        this.sequence += 1;
        return { ...request, headers: { ...request.headers, 'Idempotency-Key': key }, body: this.body(this.sequence) };
      },
      onResponse: (status, body, context) => {
        const key = context.key as string;
        this.unanswered.delete(key);
        if (status === 202) this.accepted.push(key);
        else if (this.rejections.length < 5) this.rejections.push(`${status} ${body.slice(0, 300)}`);
      },
    });
  }
}
