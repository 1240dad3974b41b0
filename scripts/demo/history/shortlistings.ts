import type { PlannedProvider } from '../catalogue/types';
import { Prng, shuffle } from '../deterministic';
import type { Ref } from './planned-referral';
import type { PoolSetting } from './setting-pool';
import type { HistoryRecipient, HistoryShortlisting, Rows } from './types';

/**
 * Who each placed referral's shortlist reached, when it was matched: the provider that offered,
 * and one to four other providers among the twelve nearest that would have taken
 * the child, who never answered (a placement team's referral goes to many; few reply). Only
 * providers the demo holds anyway are drawn: the catalogue's (some of which never place, and show
 * in the benchmarks with an offer rate of 0) and those the history places with. Its own generator,
 * so the placements' draws, and the calibration, do not move. Each was sent the referral in the
 * same moment, automatically, as matching does for the top providers of a shortlist: in the
 * history every provider a shortlist reached was asked.
 */
export function composeShortlistings(
  refs: readonly Ref[],
  refId: (r: Ref) => string,
  matchedAt: ReadonlyMap<string, string>,
  offered: ReadonlyMap<string, string>,
  usedProviders: ReadonlyMap<string, PlannedProvider>,
  rng: Prng,
): Pick<Rows, 'shortlistings' | 'recipients'> {
  // A catalogue setting's provider is loaded with the catalogue; another's once the history places with it.
  const held = (p: PoolSetting) => p.inCatalogue || usedProviders.has(p.setting.providerId);
  const shortlistings: HistoryShortlisting[] = [];
  const recipients: HistoryRecipient[] = [];
  for (const r of refs) {
    if (r.start === null || !r.chosen) continue;
    const referralId = refId(r);
    const firstShortlistedAt = matchedAt.get(referralId)!;
    const chosen = r.chosen.pool.setting.providerId;
    const candidates = r.chosen.others.filter(({ p }) => held(p));
    const wanted = rng.int(1, 4);
    const reached = [{ providerId: chosen, miles: r.chosen.miles }].concat(
      shuffle(candidates, rng)
        .slice(0, wanted)
        .map(({ p, d }) => ({ providerId: p.setting.providerId, miles: d })),
    );
    for (const { providerId } of reached) shortlistings.push({ referralId, providerId, firstShortlistedAt });
    reached
      .sort((a, b) => a.miles - b.miles || a.providerId.localeCompare(b.providerId))
      .forEach(({ providerId }, i) =>
        recipients.push({
          referralId,
          providerId,
          sentAt: firstShortlistedAt,
          vacancyIds: providerId === chosen ? [offered.get(referralId)!] : [],
          bestRank: i + 1,
        }),
      );
  }
  return { shortlistings, recipients };
}
