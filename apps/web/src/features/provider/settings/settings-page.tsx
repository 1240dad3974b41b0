import { Link } from '@tanstack/react-router';
import { DataTable } from '../../../components/data-table';
import { ofstedWords, placementTypeWords } from '../../../lib/words';
import { LoadProblem } from '../load-problem';
import { useSettings, useVacancies } from './queries';
import { ageRange } from './setting-rows';

/** Our homes, with the beds each has open now. */
export function SettingsPage() {
  const settings = useSettings();
  const vacancies = useVacancies();
  const openBeds = (settingId: string) =>
    (vacancies.data ?? [])
      .filter((vacancy) => vacancy.settingId === settingId && vacancy.status === 'open')
      .reduce((beds, vacancy) => beds + vacancy.beds, 0);
  return (
    <>
      <h1 className="govuk-heading-l">Homes and vacancies</h1>
      <p className="govuk-body">
        Keep your vacancies up to date: referrals are matched to open vacancies within seconds of a change.
      </p>
      <LoadProblem query={settings} what="your homes" />
      {settings.data && settings.data.length === 0 ? <p className="govuk-body">You have not added a home yet.</p> : null}
      {settings.data && settings.data.length > 0 ? (
        <DataTable
          caption="Our homes"
          captionClass="govuk-visually-hidden"
          columns={[
            { header: 'Home' },
            { header: 'Type' },
            { header: 'Ofsted grade' },
            { header: 'Postcode' },
            { header: 'Ages' },
            { header: 'Open beds', numeric: true },
          ]}
          rows={settings.data.map((setting) => ({
            key: setting.id,
            cells: [
              <Link to="/settings/$settingId" params={{ settingId: setting.id }} search={{}} className="govuk-link">
                {setting.name}
              </Link>,
              placementTypeWords(setting.placementType),
              ofstedWords(setting.ofstedGrade),
              setting.postcode,
              ageRange(setting),
              vacancies.data ? openBeds(setting.id) : '',
            ],
          }))}
        />
      ) : null}
      <Link to="/settings/new" className="govuk-button" role="button" draggable={false}>
        Add a home
      </Link>
    </>
  );
}
