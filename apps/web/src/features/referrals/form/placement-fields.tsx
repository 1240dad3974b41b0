import { DateInput } from '../../../components/date-input';
import { Checkbox, Fieldset, Radio, Textarea, TextInput } from '../../../components/fields';
import { placementTypeWords, SETTING_PLACEMENT_TYPES } from '../../../lib/words';
import type { StepProps } from './steps';

/** The placement needed: how urgent (planned referrals only), by when, what kinds, how far, what budget. */
export function PlacementFields({ values, set, problem, kind }: StepProps) {
  const toggleType = (code: string, on: boolean) =>
    set('placementTypes', on ? [...values.placementTypes, code] : values.placementTypes.filter((type) => type !== code));
  return (
    <>
      {kind === 'planned' ? (
        <Fieldset id="urgency" legend="How urgent is it?" error={problem('urgency')}>
          <div className="govuk-radios govuk-radios--small">
            <Radio
              id="urgency"
              name="urgency"
              label="Planned"
              checked={values.urgency === 'planned'}
              onChange={() => set('urgency', 'planned')}
            />
            <Radio
              id="urgency-urgent"
              name="urgency"
              label="Urgent"
              hint="Needed within days: for tonight, use an emergency referral."
              checked={values.urgency === 'urgent'}
              onChange={() => set('urgency', 'urgent')}
            />
          </div>
        </Fieldset>
      ) : null}
      <DateInput
        id="requiredBy"
        legend="Needed by"
        value={values.requiredBy}
        onChange={(parts) => set('requiredBy', parts)}
        error={problem('requiredBy')}
      />
      <Fieldset id="placementTypes" legend="Kinds of placement" hint="Select every kind that would suit the child." error={problem('placementTypes')}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {SETTING_PLACEMENT_TYPES.map((code, index) => (
            <Checkbox
              key={code}
              id={index === 0 ? 'placementTypes' : `placementTypes-${code}`}
              label={`${placementTypeWords(code)} (${code})`}
              checked={values.placementTypes.includes(code)}
              onChange={(event) => toggleType(code, event.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      <TextInput
        id="maxDistanceMiles"
        label="Furthest from home, in miles (optional)"
        hint="Homes further away are ruled out. Leave empty to search the whole country; nearer homes still score higher."
        inputMode="numeric"
        className="govuk-input--width-4"
        value={values.maxDistanceMiles}
        onChange={(event) => set('maxDistanceMiles', event.target.value)}
        error={problem('maxDistanceMiles')}
      />
      <TextInput
        id="weeklyBudget"
        label="Weekly budget in pounds (optional)"
        inputMode="numeric"
        className="govuk-input--width-5"
        value={values.weeklyBudget}
        onChange={(event) => set('weeklyBudget', event.target.value)}
        error={problem('weeklyBudget')}
      />
      <Textarea
        id="notes"
        label="Notes for your team (optional)"
        hint="Never shared with providers."
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={problem('notes')}
      />
    </>
  );
}
