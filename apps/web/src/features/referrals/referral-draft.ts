import type { Body } from '../../api/types';
import { addDays, todayInEngland } from '../../lib/format';
import { dateFromParts, type DateParts, EMPTY_DATE, partsFromDate } from '../../lib/date-parts';
import { normalisePostcode, postcodeProblem } from '../../lib/postcode';

export type Kind = 'planned' | 'emergency';
type ReferralBody = Body<'/api/v1/referrals', 'post'>;

export interface NeedChoice {
  level: number;
  essential: boolean;
}

/** What the officer has typed, as text where the inputs are text. */
export interface ReferralValues {
  localReference: string;
  dateOfBirth: DateParts;
  gender: string;
  homePostcode: string;
  legalStatus: string;
  categoryOfNeed: string;
  siblingGroupSize: string;
  ehcp: boolean;
  needs: Record<string, NeedChoice>;
  religion: string;
  language: string;
  childNotes: string;
  urgency: 'emergency' | 'urgent' | 'planned';
  requiredBy: DateParts;
  placementTypes: string[];
  maxDistanceMiles: string;
  weeklyBudget: string;
  notes: string;
}

/** A draft: the values, the step reached and the one Idempotency-Key the form sends with. */
export interface Draft {
  idempotencyKey: string;
  step: number;
  values: ReferralValues;
}

export function newDraft(kind: Kind): Draft {
  const today = todayInEngland();
  return {
    idempotencyKey: crypto.randomUUID(),
    step: 0,
    values: {
      localReference: '',
      dateOfBirth: EMPTY_DATE,
      gender: '',
      homePostcode: '',
      legalStatus: '',
      categoryOfNeed: '',
      siblingGroupSize: '1',
      ehcp: false,
      needs: {},
      religion: '',
      language: '',
      childNotes: '',
      urgency: kind === 'emergency' ? 'emergency' : 'planned',
      requiredBy: partsFromDate(kind === 'emergency' ? today : addDays(today, 28)),
      placementTypes: kind === 'emergency' ? ['K2', 'U6'] : [],
      maxDistanceMiles: kind === 'emergency' ? '' : '20',
      weeklyBudget: '',
      notes: '',
    },
  };
}

/** The api's field names, which its 400s name; each input's id is the same with dashes (a date's first box, its day). */
export const fieldId = (field: string) => {
  const id = field.replace(/[.[\]]+/g, '-').replace(/-$/, '');
  return DATE_FIELDS.has(field) ? `${id}-day` : id;
};
const DATE_FIELDS = new Set(['child.dateOfBirth', 'requiredBy']);

/** The words the error summary puts before a field's problem; a need's level is the needs'. */
const LABELS: Record<string, string> = {
  'child.localReference': 'Case reference',
  'child.dateOfBirth': 'Date of birth',
  'child.gender': 'Gender',
  'child.homePostcode': 'Home postcode',
  'child.legalStatus': 'Legal status',
  'child.categoryOfNeed': 'Category of need',
  'child.siblingGroupSize': 'Children to place together',
  'child.needs': 'Needs',
  urgency: 'Urgency',
  requiredBy: 'Needed by',
  placementTypes: 'Kinds of placement',
  maxDistanceMiles: 'Furthest from home',
  weeklyBudget: 'Weekly budget',
  notes: 'Notes',
};
export const fieldLabel = (field: string) => LABELS[field] ?? LABELS[field.replace(/\[\d+\].*$/, '')] ?? field;

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * The problems the browser can see before sending, by api field name. The api checks everything
 * again and its answer is shown the same way.
 */
export function checkValues(values: ReferralValues, fields: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const want = (field: string) => fields.includes(field);
  if (want('child.localReference') && !values.localReference.trim()) {
    problems['child.localReference'] = "Enter your LA's case reference for the child";
  }
  if (want('child.dateOfBirth')) {
    const dateOfBirth = dateFromParts(values.dateOfBirth);
    if (!dateOfBirth) problems['child.dateOfBirth'] = "Enter the child's date of birth as a real date, such as 1 5 2012";
    else if (dateOfBirth >= todayInEngland()) problems['child.dateOfBirth'] = 'Date of birth must be in the past';
  }
  if (want('child.gender') && !values.gender) problems['child.gender'] = "Select the child's gender";
  if (want('child.homePostcode')) {
    const problem = postcodeProblem(values.homePostcode);
    if (problem) problems['child.homePostcode'] = problem;
  }
  if (want('child.legalStatus') && !values.legalStatus) problems['child.legalStatus'] = 'Select the legal status';
  if (want('child.categoryOfNeed') && !values.categoryOfNeed) problems['child.categoryOfNeed'] = 'Select the category of need';
  if (want('child.siblingGroupSize')) {
    const size = wholeNumber(values.siblingGroupSize);
    if (!(size >= 1 && size <= 12)) problems['child.siblingGroupSize'] = 'Enter how many children are to be placed together, from 1 to 12';
  }
  if (want('requiredBy')) {
    const requiredBy = dateFromParts(values.requiredBy);
    if (!requiredBy) problems.requiredBy = 'Enter the date the placement is needed by, such as 14 1 2027';
    else if (requiredBy < todayInEngland()) problems.requiredBy = 'The date needed must be today or later';
  }
  if (want('placementTypes') && values.placementTypes.length === 0) {
    problems.placementTypes = 'Select at least one kind of placement';
  }
  if (want('maxDistanceMiles') && values.maxDistanceMiles.trim()) {
    const miles = wholeNumber(values.maxDistanceMiles);
    if (!(miles >= 1 && miles <= 1000)) problems.maxDistanceMiles = 'Enter a whole number of miles from 1 to 1,000, or leave it empty';
  }
  if (want('weeklyBudget') && values.weeklyBudget.trim()) {
    const pounds = wholeNumber(values.weeklyBudget.replace(/[£,]/g, ''));
    if (!(pounds >= 1 && pounds <= 100_000)) problems.weeklyBudget = 'Enter whole pounds a week, such as 4500, or leave it empty';
  }
  return problems;
}

/** The POST /referrals body. */
export function toRequest(values: ReferralValues) {
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  const preferences = {
    religion: optional(values.religion),
    language: optional(values.language),
    notes: optional(values.childNotes),
  };
  const hasPreferences = Object.values(preferences).some((value) => value !== undefined);
  return {
    child: {
      localReference: values.localReference.trim(),
      dateOfBirth: dateFromParts(values.dateOfBirth) ?? '',
      gender: values.gender as 'female' | 'male' | 'other',
      homePostcode: normalisePostcode(values.homePostcode),
      legalStatus: values.legalStatus as ReferralBody['child']['legalStatus'],
      categoryOfNeed: values.categoryOfNeed as ReferralBody['child']['categoryOfNeed'],
      needs: Object.entries(values.needs).map(([code, choice]) => ({
        code: code as ReferralBody['child']['needs'][number]['code'],
        level: choice.level,
        essential: choice.essential,
      })),
      siblingGroupSize: wholeNumber(values.siblingGroupSize),
      ehcp: values.ehcp,
      ...(hasPreferences ? { preferences } : {}),
    },
    urgency: values.urgency,
    requiredBy: dateFromParts(values.requiredBy) ?? '',
    placementTypes: values.placementTypes as ReferralBody['placementTypes'],
    ...(values.maxDistanceMiles.trim() ? { maxDistanceMiles: wholeNumber(values.maxDistanceMiles) } : {}),
    ...(values.weeklyBudget.trim() ? { weeklyBudget: wholeNumber(values.weeklyBudget.replace(/[£,]/g, '')) } : {}),
    ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
  };
}
