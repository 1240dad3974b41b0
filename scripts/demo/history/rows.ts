import { createHash } from 'node:crypto';
import { ageInYears } from '@app/domain';
import type { PlacementCategory } from '@app/reference-data';
import { ALLIANCE_LA_CODES, type LaInput, type PlannedProvider, type PlannedSetting } from '../catalogue/types';
import { demoUuid, hash32, Prng, roundTo } from '../deterministic';
import { childNeeds } from './child-needs';
import { at, isoOf } from './days';
import { agreeOutcomes } from './outcomes';
import type { Child, Period, Ref } from './planned-referral';
import type { Pool } from './setting-pool';
import { composeShortlistings } from './shortlistings';
import {
  EMAIL_DOMAIN,
  HISTORY_KEY_PREFIX,
  type HistoryChild,
  type HistoryDistrict,
  type HistoryOffer,
  type HistoryOutcome,
  type HistoryOutcomeUpdate,
  type HistoryPlacement,
  type HistoryReferral,
  type HistoryUser,
  type HistoryVacancy,
  type Rows,
} from './types';

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The rows: children, referrals, and for each placement the vacancy, the accepted offer and the placement. */
export function composeRows(refs: Ref[], period: Period, las: Map<string, LaInput>, homes: Map<string, HistoryDistrict[]>, pool: Pool): Rows {
  const { anchor, toDay } = period;
  const rng = new Prng(`history:${anchor}:rows`);
  const users: HistoryUser[] = [];
  const officerOf = new Map<string, string>();
  for (const [index, code] of ALLIANCE_LA_CODES.entries()) {
    const id = demoUuid(`user:history-officer:${code}`);
    officerOf.set(code, id);
    users.push({
      id,
      email: `history.officer.${code.toLowerCase()}@${EMAIL_DOMAIN}`,
      role: 'placement_officer',
      localAuthorityCode: code,
      providerId: null,
      displayName: `${las.get(code)!.name} placements team`,
      // Ofcom's London numbers for drama (020 7946 0000-0999): nobody real is rung.
      phone: `020 7946 ${String(200 + index).padStart(4, '0')}`,
    });
  }

  const prefix = (code: string) => las.get(code)!.name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
  const childId = (child: Child) => demoUuid(`history:${anchor}:child:${child.la}:${child.n}`);
  const children = [...new Set(refs.map((r) => r.child))].map((child): HistoryChild => {
    const district = child.district ?? rng.weighted(homes.get(child.la)!.map((d) => [d, d.activePostcodes] as const));
    child.district = district;
    const age = ageInYears(child.dob, child.createdAt.slice(0, 10));
    const asylum = age >= 14 && child.gender === 'male' && child.firstCategory !== 'otherResidential' && rng.chance(0.4);
    const needs = childNeeds(child.firstCategory ?? 'foster', age, asylum, child.siblings, rng);
    return {
      id: childId(child),
      localAuthorityCode: child.la,
      localReference: `${prefix(child.la)}-H${String(child.n).padStart(5, '0')}`,
      dateOfBirth: child.dob,
      gender: child.gender,
      homePostcode: `${district.district} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`,
      homeDistrict: district.district,
      legalStatus: asylum ? 'V2' : rng.weighted(LEGAL_STATUSES),
      categoryOfNeed: asylum ? 'N8' : rng.weighted(CATEGORIES_OF_NEED),
      needs,
      siblingGroupSize: child.siblings,
      ehcp: needs.some((n) => n.code === 'ehcp'),
      createdAt: child.createdAt,
    };
  });

  const referrals: HistoryReferral[] = [];
  const vacancies: HistoryVacancy[] = [];
  const offers: HistoryOffer[] = [];
  const placements: HistoryPlacement[] = [];
  const providerUsers = new Map<string, HistoryUser>();
  const outcomes: HistoryOutcome[] = [];
  const outcomeUpdates: HistoryOutcomeUpdate[] = [];
  const outcomeRng = new Prng(`history:${anchor}:outcomes`);
  const usedSettings = new Map<string, PlannedSetting>();
  const usedProviders = new Map<string, PlannedProvider>();
  const refId = (r: Ref) => demoUuid(`history:${anchor}:referral:${r.key}`);

  for (const r of refs) {
    const id = refId(r);
    const key = `${HISTORY_KEY_PREFIX}${anchor}:${r.key}`;
    const primary = r.unit[0];
    const base: Omit<HistoryReferral, 'maxDistanceMiles' | 'weeklyBudget' | 'status' | 'placementId' | 'updatedAt'> = {
      id,
      childId: childId(r.child),
      localAuthorityCode: r.la,
      createdByUserId: officerOf.get(r.la)!,
      idempotencyKey: key,
      requestHash: createHash('sha256').update(key).digest('hex'),
      urgency: r.urgency,
      requiredBy: isoOf(r.urgency === 'planned' ? r.day + (r.follows ? 28 : rng.int(14, 42)) : r.urgency === 'urgent' ? r.day + 3 : r.day),
      placementTypes: typesFor(r.category!, primary.secure ?? false, primary.longTerm ?? false, primary.urgency),
      followsReferralId: r.follows ? refId(r.follows) : null,
      createdAt: at(r.day, r.minutes),
      matchedAt: at(r.day, r.minutes + (r.urgency === 'emergency' ? 1 : rng.int(2, 25))),
    };
    if (r.start === null || !r.chosen) {
      referrals.push({
        ...base,
        maxDistanceMiles: rng.pick([20, 30, 50, null]),
        weeklyBudget: null,
        status: 'withdrawn',
        placementId: null,
        updatedAt: at(Math.min(r.day + rng.int(1, 20), toDay), rng.int(9 * 60, 17 * 60)),
      });
      continue;
    }
    const { pool: p, miles: distance } = r.chosen;
    const setting = p.setting;
    if (!p.inCatalogue) {
      usedSettings.set(setting.id, setting);
      const provider = pool.providers.get(setting.providerId);
      if (provider) usedProviders.set(provider.id, provider);
    }
    let providerUser = providerUsers.get(setting.providerId);
    if (!providerUser) {
      providerUser = {
        id: demoUuid(`user:history-provider:${setting.providerId}`),
        email: `history.provider.${setting.providerId}@${EMAIL_DOMAIN}`,
        role: 'provider_user',
        localAuthorityCode: null,
        providerId: setting.providerId,
        displayName: null,
        phone: null,
      };
      providerUsers.set(setting.providerId, providerUser);
    }
    // The setting's price in its kind's range, a little either way per placement, 5% a year less in the past.
    const price = p.cost[0] + ((p.cost[1] - p.cost[0]) * (hash32(`${setting.id}:cost`) % 1000)) / 1000;
    const weeklyCost = roundTo(
      price * (0.96 + rng.next() * 0.08) * Math.pow(1.05, -(toDay - r.start) / 365.25),
      setting.placementType.startsWith('U') || setting.placementType === 'K3' ? 5 : 25,
    );
    // Advertised, offered, accepted, started: an emergency within the hour; others offered within
    // three days of the referral and accepted within three of the offer, the bed then kept for the
    // start. (Each draw is the one it replaced, so the placements' draws after it do not move.)
    const emergency = r.urgency === 'emergency';
    const acceptedMinutes = emergency ? Math.min(r.minutes + rng.int(20, 120), 23 * 60 + 50) : rng.int(10 * 60, 17 * 60);
    const offeredDay = emergency ? r.start : Math.min(r.start, r.day + rng.int(0, Math.min(3, r.start - r.day)));
    const offeredMinutes = emergency
      ? Math.min(r.minutes + rng.int(5, 19), acceptedMinutes - 1)
      : offeredDay === r.day
        ? Math.min(r.minutes + rng.int(30, 240), 23 * 60 + 50)
        : rng.int(9 * 60, 17 * 60);
    const acceptedDay = emergency ? r.start : Math.min(r.start, offeredDay + rng.int(0, 3));
    const accepted = at(acceptedDay, acceptedDay === offeredDay ? Math.max(acceptedMinutes, offeredMinutes + 10) : acceptedMinutes);
    const advertisedDay = offeredDay - rng.int(1, 21);
    const vacancyId = demoUuid(`history:${anchor}:vacancy:${r.key}`);
    const offerId = demoUuid(`history:${anchor}:offer:${r.key}`);
    const placementId = demoUuid(`history:${anchor}:placement:${r.key}`);
    vacancies.push({
      id: vacancyId,
      settingId: setting.id,
      providerId: setting.providerId,
      availableFrom: isoOf(Math.min(advertisedDay + rng.int(0, 7), r.start)),
      weeklyCost,
      emergencyReady: emergency,
      createdAt: at(advertisedDay, rng.int(8 * 60, 18 * 60)),
      updatedAt: accepted,
    });
    offers.push({
      id: offerId,
      referralId: id,
      vacancyId,
      providerId: setting.providerId,
      weeklyCost,
      createdByUserId: providerUser.id,
      createdAt: at(offeredDay, offeredMinutes),
      updatedAt: accepted,
    });
    const ended = r.end !== null ? at(r.end, rng.int(9 * 60, 18 * 60)) : null;
    placements.push({
      id: placementId,
      referralId: id,
      offerId,
      vacancyId,
      settingId: setting.id,
      providerId: setting.providerId,
      localAuthorityCode: r.la,
      startDate: isoOf(r.start),
      weeklyCost,
      bedsTaken: r.child.siblings,
      endedOn: r.end !== null ? isoOf(r.end) : null,
      endReason: r.reason,
      plannedEnding: r.planned,
      createdAt: accepted,
      updatedAt: ended ?? accepted,
    });
    agreeOutcomes(
      {
        id: placementId,
        r,
        accepted,
        category: p.category,
        grade: setting.ofstedGrade,
        officer: officerOf.get(r.la)!,
        providerUser: providerUser.id,
        toDay,
        anchor,
      },
      outcomeRng,
      outcomes,
      outcomeUpdates,
    );
    // The limits the placement team set: never tighter than where the child went.
    const maxDistanceMiles =
      (r.distanceClass === 'far' && rng.chance(0.5)) || rng.chance(0.25)
        ? null
        : ([10, 15, 20, 30, 50, 75, 100, 150].find((m) => m >= distance + 1) ?? null);
    referrals.push({
      ...base,
      maxDistanceMiles,
      weeklyBudget: rng.chance(0.3) ? null : roundTo(weeklyCost * (1 + rng.next() * 0.2), 50),
      status: r.end !== null ? 'closed' : 'placed',
      placementId,
      updatedAt: ended ?? accepted,
    });
  }

  const matchedAt = new Map(referrals.map((referral) => [referral.id, referral.matchedAt]));
  const offered = new Map(offers.map((offer) => [offer.referralId, offer.vacancyId]));
  const reach = composeShortlistings(refs, refId, matchedAt, offered, usedProviders, new Prng(`history:${anchor}:shortlistings`));
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    ...reach,
    outcomes,
    outcomeUpdates,
    users: [...users, ...[...providerUsers.values()].sort(byId)],
    providers: [...usedProviders.values()].sort(byId),
    settings: [...usedSettings.values()].sort(byId),
    children: children.sort(byId),
    referrals,
    vacancies,
    offers,
    placements,
  };
}


const LEGAL_STATUSES = [
  ['C2', 40],
  ['C1', 24],
  ['V2', 26],
  ['E1', 3],
  ['J1', 2],
  ['L1', 2],
  ['L2', 3],
] as const;

const CATEGORIES_OF_NEED = [
  ['N1', 62],
  ['N2', 4],
  ['N3', 3],
  ['N4', 9],
  ['N5', 14],
  ['N6', 3],
  ['N7', 1],
  ['N8', 4],
] as const;

function typesFor(category: PlacementCategory, secure: boolean, longTerm: boolean, urgency: Ref['urgency']): string[] {
  switch (category) {
    case 'foster':
      return longTerm && urgency === 'planned' ? ['U4', 'U6'] : ['U6', 'U4'];
    case 'childrensHomes':
      return secure ? ['K1'] : ['K2'];
    case 'residentialSchools':
      return ['S1'];
    case 'supportedAccommodation':
      return ['K3'];
    default:
      return ['R3'];
  }
}
