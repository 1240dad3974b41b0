import type { Kind, ReferralValues } from '../referral-draft';
import { ChildFields } from './child-fields';
import { NeedsFields } from './needs-fields';
import { PlacementFields } from './placement-fields';

export interface Step {
  title: string;
  /** The api fields this step asks for: its checks and the server's problems land here. */
  fields: readonly string[];
  render: (form: StepProps) => React.ReactNode;
}

export interface StepProps {
  values: ReferralValues;
  set: <K extends keyof ReferralValues>(key: K, value: ReferralValues[K]) => void;
  problem: (field: string) => string | undefined;
  kind: Kind;
}

const CHILD_FIELDS = [
  'child.localReference',
  'child.dateOfBirth',
  'child.gender',
  'child.homePostcode',
  'child.legalStatus',
  'child.categoryOfNeed',
  'child.siblingGroupSize',
  'child.ehcp',
  'child.preferences',
] as const;
const NEEDS_FIELDS = ['child.needs'] as const;
const PLACEMENT_FIELDS = ['urgency', 'requiredBy', 'placementTypes', 'maxDistanceMiles', 'weeklyBudget', 'notes'] as const;

const childStep: Step = { title: 'About the child', fields: CHILD_FIELDS, render: (form) => <ChildFields {...form} /> };
const needsStep: Step = { title: "The child's needs", fields: NEEDS_FIELDS, render: (form) => <NeedsFields {...form} /> };
const placementStep: Step = {
  title: 'The placement needed',
  fields: PLACEMENT_FIELDS,
  render: (form) => <PlacementFields {...form} />,
};
const emergencyChildStep: Step = {
  title: 'About the child',
  fields: [...CHILD_FIELDS, ...NEEDS_FIELDS],
  render: (form) => (
    <>
      <ChildFields {...form} />
      <NeedsFields {...form} />
    </>
  ),
};

/** A planned or urgent referral in three questions and a check; an emergency in two and a check. */
export const STEPS: Record<Kind, Step[]> = {
  planned: [childStep, needsStep, placementStep],
  emergency: [emergencyChildStep, placementStep],
};
