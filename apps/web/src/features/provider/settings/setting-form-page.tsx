import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { errorsFrom, problemAt } from '../../../api/problems';
import { ErrorSummary, type FieldError } from '../../../components/error-summary';
import { Checkboxes, type Option, Radios, TextInput } from '../../../components/fields';
import { SubmitButton } from '../../../components/submit-button';
import { GENDER_WORDS, OFSTED_GRADE_WORDS, placementTypeWords, SETTING_PLACEMENT_TYPES } from '../../../lib/words';
import { useUser } from '../../auth/use-session';
import { LoadProblem } from '../load-problem';
import type { Setting } from '../types';
import { NeedsFieldset } from './needs-fieldset';
import { useSaveSetting, useSetting } from './queries';
import {
  draftOfSetting,
  EMPTY_SETTING,
  readSettingDraft,
  SETTING_FIELDS,
  settingTarget,
  type SettingDraft,
} from './setting-draft';

const editRoute = getRouteApi('/authed/settings/$settingId/edit');

export function NewSettingPage() {
  return (
    <>
      <Link to="/settings" className="govuk-back-link">
        Back to homes and vacancies
      </Link>
      <SettingForm heading="Add a home" />
    </>
  );
}

export function EditSettingPage() {
  const { settingId } = editRoute.useParams();
  const setting = useSetting(settingId);
  return (
    <>
      <Link to="/settings/$settingId" params={{ settingId }} search={{}} className="govuk-back-link">
        Back to the vacancy board
      </Link>
      <LoadProblem query={setting} what="this home" />
      {setting.data ? <SettingForm key={setting.data.id} heading="Change the home's details" setting={setting.data} /> : null}
    </>
  );
}

const TYPE_OPTIONS = SETTING_PLACEMENT_TYPES.map((code) => ({ value: code, label: placementTypeWords(code) }));
const GRADE_OPTIONS = Object.entries(OFSTED_GRADE_WORDS).map(([value, label]) => ({ value, label }));
const GENDER_OPTIONS = Object.entries(GENDER_WORDS).map(([value, label]) => ({ value, label }));

/** Every field of a home, as Ofsted registers it and as matching reads it. */
function SettingForm({ heading, setting }: { heading: string; setting?: Setting }) {
  const user = useUser();
  const [draft, setDraft] = useState<SettingDraft>(() => (setting ? draftOfSetting(setting) : EMPTY_SETTING));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const save = useSaveSetting(setting?.id);
  const navigate = useNavigate();
  const set = <K extends keyof SettingDraft>(key: K, value: SettingDraft[K]) => setDraft({ ...draft, [key]: value });
  const problem = (field: keyof typeof SETTING_FIELDS) => problemAt(errors, SETTING_FIELDS[field].id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readSettingDraft(draft, setting?.providerId ?? user?.providerId ?? '');
    setErrors(read.errors);
    if (!read.body) return;
    try {
      const saved = await save.mutateAsync(read.body);
      await navigate({
        to: '/settings/$settingId',
        params: { settingId: saved.id },
        search: { saved: setting ? 'setting' : 'new-setting' },
      });
    } catch (error) {
      setErrors(errorsFrom(error, settingTarget(read.body)));
    }
  }

  const text = (field: 'name' | 'ofstedUrn' | 'postcode' | 'registeredPlaces' | 'ageMin' | 'ageMax', extra: object) => (
    <TextInput
      id={SETTING_FIELDS[field].id}
      label={SETTING_FIELDS[field].label}
      labelClass="govuk-label--s"
      value={draft[field]}
      onChange={(event) => set(field, event.target.value)}
      error={problem(field)}
      {...extra}
    />
  );

  const radios = (field: 'placementType' | 'ofstedGrade', options: Option[], hint: string) => (
    <Radios
      id={SETTING_FIELDS[field].id}
      legend={SETTING_FIELDS[field].label}
      hint={hint}
      options={options}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      error={problem(field)}
    />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} />
          {text('name', { autoComplete: 'organization' })}
          {radios('placementType', TYPE_OPTIONS, 'As the home is registered with Ofsted')}
          {text('ofstedUrn', {
            hint: "Optional. For example, SC123456. With a URN the grade and inspection date come from Ofsted's register",
            className: 'govuk-input--width-10', spellCheck: false })}
          {radios(
            'ofstedGrade',
            GRADE_OPTIONS,
            "The overall effectiveness at the latest full inspection. Used only without a URN, and shown to placement teams as not verified with Ofsted",
          )}
          {text('postcode', {
            hint: "Placement teams see only the district (like UB1): Ofsted withholds children's homes' addresses",
            className: 'govuk-input--width-10',
            autoComplete: 'postal-code',
          })}
          {text('registeredPlaces', { inputMode: 'numeric', className: 'govuk-input--width-3' })}
          {text('ageMin', { hint: 'In years, from 0 to 17', inputMode: 'numeric', className: 'govuk-input--width-3' })}
          {text('ageMax', { hint: 'In years, from 0 to 17', inputMode: 'numeric', className: 'govuk-input--width-3' })}
          <Checkboxes
            id={SETTING_FIELDS.genders.id}
            legend="Genders the home takes"
            hint="Select all that apply"
            options={GENDER_OPTIONS}
            values={draft.genders}
            onChange={(values) => set('genders', values)}
            error={problem('genders')}
          />
          <NeedsFieldset needs={draft.needs} onChange={(needs) => set('needs', needs)} errors={errors} />
          <SubmitButton busy={save.isPending}>{setting ? 'Save changes' : 'Add home'}</SubmitButton>
        </form>
      </div>
    </div>
  );
}
