import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { VacancyIndex } from '@app/domain';
import { CandidateSource, VacancyFeedRepository } from '@app/persistence';

const LOAD_BATCH = 10_000;

/**
 * This process's copy of the open vacancies (a VacancyIndex), loaded once at start-up and brought
 * up to date inside every matching transaction by reading the vacancy changes committed since it
 * last looked: usually none, one indexed lookup. A match therefore sees every change committed
 * before it started, as a direct read would, without reading tens of thousands of rows.
 *
 * Until the first load finishes (a few seconds at 500,000 vacancies), `fresh` answers null and
 * matching reads candidates from Postgres instead.
 *
 * Each vacancy carries its provider's placement stability as read with it: at the load, or at the
 * vacancy's last change. Placements do not change vacancies other than the one placed in, so the
 * rest keep the stability of the process's start until they change. Stability moves slowly (a
 * placement counts once it ends or turns a year old), so that is close enough for a score.
 */
@Injectable()
export class VacancyCache implements OnApplicationBootstrap {
  private readonly logger = new Logger(VacancyCache.name);
  private index: VacancyIndex | null = null;
  private cursor = '0';
  /** The change number each vacancy was last seen at, so an older read never undoes a newer one. */
  private readonly seenAt = new Map<string, bigint>();
  private loading: Promise<void> | null = null;

  constructor(private readonly repository: VacancyFeedRepository) {}

  onApplicationBootstrap(): void {
    this.startLoading();
  }

  /** Starts the first load if it is not running or done; resolves when it ends. */
  startLoading(): Promise<void> {
    if (!this.loading) {
      const started = Date.now();
      this.loading = this.load()
        .then(() => this.logger.log(`vacancy index loaded: ${this.index?.size ?? 0} open vacancies in ${Date.now() - started} ms`))
        .catch((error: Error) => {
          // Matching carries on from Postgres; the next match tries the load again.
          this.logger.warn(`vacancy index load failed (${error.name}); matching reads Postgres meanwhile`);
          this.loading = null;
        });
    }
    return this.loading;
  }

  /** The index, current as of now, or null while it is not loaded yet. */
  async fresh(source: CandidateSource): Promise<VacancyIndex | null> {
    if (!this.index) {
      void this.startLoading();
      return null;
    }
    const { vacancies, cursor } = await source.changesSince(this.cursor);
    for (const { vacancy, changeSeq } of vacancies) {
      const seq = BigInt(changeSeq);
      // Two matches in this process may read overlapping batches in either order.
      if ((this.seenAt.get(vacancy.id) ?? -1n) >= seq) continue;
      this.seenAt.set(vacancy.id, seq);
      this.index.upsert(vacancy);
    }
    if (BigInt(cursor) > BigInt(this.cursor)) this.cursor = cursor;
    return this.index;
  }

  private async load(): Promise<void> {
    const index = new VacancyIndex();
    const cursor = await this.repository.loadOpenVacancies(LOAD_BATCH, (batch) => {
      for (const vacancy of batch) index.upsert(vacancy);
    });
    this.cursor = cursor;
    this.index = index;
  }
}
