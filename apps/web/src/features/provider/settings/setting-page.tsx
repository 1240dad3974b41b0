import { getRouteApi, Link } from '@tanstack/react-router';
import { NotificationBanner } from '../../../components/notification-banner';
import { StatusTag } from '../../../components/status-tag';
import { SummaryCard, SummaryList } from '../../../components/summary-list';
import { DataTable } from '../../../components/data-table';
import { formatDate, formatWeeklyCost } from '../../../lib/format';
import { LoadProblem } from '../load-problem';
import { StaleVacancy } from './confirm-vacancy';
import { HoldsTable } from './holds-table';
import { useSetting, useVacancies } from './queries';
import { settingRows } from './setting-rows';

const route = getRouteApi('/authed/settings/$settingId');

const SAVED_WORDS: Record<string, string> = {
  'new-setting': 'Home added. Add a vacancy when you have a bed free.',
  setting: 'Home details saved',
  'new-vacancy': 'Vacancy added',
  vacancy: 'Vacancy saved',
  withdrawn: 'Vacancy withdrawn',
};

/** One home: its vacancies (the board), the beds held on them, and its registered details. */
export function SettingPage() {
  const { settingId } = route.useParams();
  const { saved } = route.useSearch();
  const setting = useSetting(settingId);
  const vacancies = useVacancies();
  const ours = (vacancies.data ?? []).filter((vacancy) => vacancy.settingId === settingId);
  const current = ours.filter((vacancy) => vacancy.status !== 'withdrawn');
  const withdrawn = ours.length - current.length;

  return (
    <>
      <Link to="/settings" className="govuk-back-link">
        Back to homes and vacancies
      </Link>
      {saved && SAVED_WORDS[saved] ? <NotificationBanner success heading={SAVED_WORDS[saved]} /> : null}
      <LoadProblem query={setting} what="this home" />
      {setting.data ? (
        <>
          <span className="govuk-caption-l">Homes and vacancies</span>
          <h1 className="govuk-heading-l">{setting.data.name}</h1>
          <h2 className="govuk-heading-m">Vacancy board</h2>
          <LoadProblem query={vacancies} what="the vacancies" />
          {vacancies.data && current.length === 0 ? (
            <p className="govuk-body">This home has no vacancies. Add one when a bed is free or about to be.</p>
          ) : null}
          {current.length > 0 ? (
            <DataTable
              caption={`Vacancies at ${setting.data.name}`}
              captionClass="govuk-visually-hidden"
              columns={[
                { header: 'Available from' },
                { header: 'Until' },
                { header: 'Beds', numeric: true },
                { header: 'Weekly cost', numeric: true },
                { header: 'Emergency-ready' },
                { header: 'Status' },
                { header: <span className="govuk-visually-hidden">Actions</span> },
              ]}
              rows={current.map((vacancy) => ({
                key: vacancy.id,
                cells: [
                  formatDate(vacancy.availableFrom),
                  vacancy.availableUntil ? formatDate(vacancy.availableUntil) : 'No end date',
                  vacancy.beds,
                  formatWeeklyCost(vacancy.weeklyCost),
                  vacancy.emergencyReady ? 'Yes' : 'No',
                  <>
                    <StatusTag status={vacancy.status} /> <StaleVacancy vacancy={vacancy} />
                  </>,
                  <Link
                    to="/settings/$settingId/vacancies/$vacancyId"
                    params={{ settingId, vacancyId: vacancy.id }}
                    className="govuk-link"
                  >
                    Change<span className="govuk-visually-hidden"> the vacancy available from {formatDate(vacancy.availableFrom)}</span>
                  </Link>,
                ],
              }))}
            />
          ) : null}
          {withdrawn > 0 ? (
            <p className="govuk-body-s">
              {withdrawn} withdrawn {withdrawn === 1 ? 'vacancy is' : 'vacancies are'} not shown.
            </p>
          ) : null}
          <Link to="/settings/$settingId/vacancies/new" params={{ settingId }} className="govuk-button" role="button" draggable={false}>
            Add a vacancy
          </Link>
          <HoldsTable vacancies={current} />
          <SummaryCard
            id="about-home"
            title="About this home"
            actions={[
              <Link to="/settings/$settingId/edit" params={{ settingId }} className="govuk-link">
                Change<span className="govuk-visually-hidden"> the home's details</span>
              </Link>,
            ]}
          >
            <SummaryList rows={settingRows(setting.data)} />
          </SummaryCard>
        </>
      ) : null}
    </>
  );
}
