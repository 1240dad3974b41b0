import { useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { Checkbox, Fieldset, Radio, Select, TextInput } from '../../../components/fields';
import { postcodeProblem } from '../../../lib/postcode';
import { categoryOfNeedWords, GENDER_WORDS, legalStatusWords, SSDA903 } from '../../../lib/words';
import type { StepProps } from './steps';

/** About the child: who they are, where they live now and their SSDA903 codes. */
export function ChildFields({ values, set, problem }: StepProps) {
  const [postcodeHint, setPostcodeHint] = useState<string | undefined>();
  return (
    <>
      <TextInput
        id="child-localReference"
        label="Your case reference for the child"
        hint="Only your LA sees it. Providers never see the child's name, reference, date of birth or address before an offer is accepted."
        className="govuk-input--width-20"
        value={values.localReference}
        onChange={(event) => set('localReference', event.target.value)}
        error={problem('child.localReference')}
      />
      <DateInput
        id="child-dateOfBirth"
        legend="Date of birth"
        hint="For example, 1 5 2012"
        value={values.dateOfBirth}
        onChange={(parts) => set('dateOfBirth', parts)}
        error={problem('child.dateOfBirth')}
      />
      <Fieldset id="child-gender" legend="Gender" error={problem('child.gender')}>
        <div className="govuk-radios govuk-radios--inline govuk-radios--small">
          {Object.entries(GENDER_WORDS).map(([code, words], index) => (
            <Radio
              key={code}
              id={index === 0 ? 'child-gender' : `child-gender-${code}`}
              name="child-gender"
              value={code}
              label={words}
              checked={values.gender === code}
              onChange={() => set('gender', code)}
            />
          ))}
        </div>
      </Fieldset>
      <TextInput
        id="child-homePostcode"
        label="Home postcode"
        hint="Where the child lives now: distances are measured from its district."
        className="govuk-input--width-10"
        autoComplete="off"
        value={values.homePostcode}
        onChange={(event) => {
          set('homePostcode', event.target.value);
          setPostcodeHint(event.target.value.trim().length >= 5 ? postcodeProblem(event.target.value) : undefined);
        }}
        onBlur={(event) => setPostcodeHint(postcodeProblem(event.target.value))}
        error={problem('child.homePostcode') ?? postcodeHint}
      />
      <Select
        id="child-legalStatus"
        label="Legal status"
        value={values.legalStatus}
        onChange={(event) => set('legalStatus', event.target.value)}
        error={problem('child.legalStatus')}
      >
        <option value="">Select the legal status</option>
        {Object.keys(SSDA903.legalStatus).map((code) => (
          <option key={code} value={code}>
            {legalStatusWords(code)} ({code})
          </option>
        ))}
      </Select>
      <Select
        id="child-categoryOfNeed"
        label="Category of need"
        value={values.categoryOfNeed}
        onChange={(event) => set('categoryOfNeed', event.target.value)}
        error={problem('child.categoryOfNeed')}
      >
        <option value="">Select the category of need</option>
        {Object.keys(SSDA903.categoryOfNeed).map((code) => (
          <option key={code} value={code}>
            {categoryOfNeedWords(code)} ({code})
          </option>
        ))}
      </Select>
      <TextInput
        id="child-siblingGroupSize"
        label="Children to be placed together"
        hint="1 for a child on their own; a sibling group needs as many beds."
        inputMode="numeric"
        className="govuk-input--width-3"
        value={values.siblingGroupSize}
        onChange={(event) => set('siblingGroupSize', event.target.value)}
        error={problem('child.siblingGroupSize')}
      />
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-6">
        <Checkbox
          id="child-ehcp"
          label="The child has an education, health and care plan"
          checked={values.ehcp}
          onChange={(event) => set('ehcp', event.target.checked)}
        />
      </div>
    </>
  );
}
