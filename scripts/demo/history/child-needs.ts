import type { PlacementCategory } from '@app/reference-data';
import { Prng } from '../deterministic';

export function childNeeds(
  category: PlacementCategory,
  age: number,
  asylum: boolean,
  siblings: number,
  rng: Prng,
): { code: string; level: number; essential: boolean }[] {
  const needs: { code: string; level: number; essential: boolean }[] = [];
  const add = (code: string, level: number, essential = rng.chance(0.6)) => {
    if (!needs.some((n) => n.code === code)) needs.push({ code, level, essential });
  };
  if (asylum) add('unaccompanied-asylum-seeking', rng.int(1, 2), true);
  if (siblings > 1) add('sibling-group', siblings, true);
  switch (category) {
    case 'childrensHomes':
      add('challenging-behaviour', rng.int(2, 3), true);
      for (const [code, chance] of [
        ['going-missing', 0.55],
        ['cce-risk', 0.35],
        ['cse-risk', 0.3],
        ['self-harm', 0.35],
        ['substance-misuse', 0.25],
        ['aggression', 0.4],
        ['offending', 0.2],
        ['not-in-education', 0.4],
      ] as const) {
        if (rng.chance(chance)) add(code, rng.int(1, 3));
      }
      break;
    case 'residentialSchools':
      add('ehcp', 3, true);
      add(rng.chance(0.6) ? 'autism' : 'learning-disability', rng.int(2, 3), true);
      if (rng.chance(0.4)) add('challenging-behaviour', rng.int(1, 2));
      break;
    case 'supportedAccommodation':
      if (rng.chance(0.45)) add('not-in-education', rng.int(1, 2));
      if (rng.chance(0.3)) add('mental-health', 1);
      if (rng.chance(0.25)) add('going-missing', 1);
      break;
    case 'otherResidential':
      add('parent-and-child', rng.int(2, 3), true);
      break;
    default:
      if (rng.chance(0.7)) add('trauma', rng.int(1, 2));
      if (age >= 5 && rng.chance(0.2)) add('ehcp', rng.int(1, 2));
      if (rng.chance(0.12)) add(rng.pick(['learning-disability', 'autism', 'complex-health']), rng.int(1, 2));
      if (age >= 11 && rng.chance(0.2)) add(rng.pick(['self-harm', 'going-missing', 'mental-health']), 1);
  }
  return needs;
}
