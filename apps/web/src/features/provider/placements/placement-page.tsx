import { getRouteApi, Link } from '@tanstack/react-router';
import { NotificationBanner } from '../../../components/notification-banner';
import { StatusTag } from '../../../components/status-tag';
import { SummaryCard, SummaryList } from '../../../components/summary-list';
import { DataTable } from '../../../components/data-table';
import { formatDate, formatDateTime, formatWeeklyCost } from '../../../lib/format';
import { childDescription, endReasonWords, OUTCOME_KIND_WORDS, RECORDED_BY_WORDS, statusWords } from '../../../lib/words';
import { childRows } from '../inbox/referral-summary';
import { LoadProblem } from '../load-problem';
import { useSettings } from '../settings/queries';
import type { Outcome, Placement } from '../types';
import { useLaName } from '../use-la-name';
import { usePlacement } from './queries';

const route = getRouteApi('/authed/provider-placements/$placementId');

/** A child placed with us: who to call at the placing LA, the outcomes agreed and how they are going. */
export function PlacementPage() {
  const { placementId } = route.useParams();
  const { recorded } = route.useSearch();
  const placement = usePlacement(placementId);
  const settings = useSettings();
  const laName = useLaName();
  const data = placement.data;
  const home = data?.settingName ?? settings.data?.find((setting) => setting.id === data?.settingId)?.name ?? 'our home';
  return (
    <>
      <Link to="/provider-placements" search={{}} className="govuk-back-link">
        Back to placements
      </Link>
      {recorded ? <NotificationBanner success heading="Progress recorded" /> : null}
      <LoadProblem query={placement} what="this placement" />
      {data ? (
        <>
          <span className="govuk-caption-l">Placement at {home}</span>
          <h1 className="govuk-heading-l">
            {childDescription(data.child.ageYears, data.child.gender)} <StatusTag status={data.status} />
          </h1>
          <SummaryCard id="placement" title="The placement">
            <SummaryList
              rows={[
                { key: 'Home', value: home },
                { key: 'Placing authority', value: laName(data.localAuthorityCode) },
                { key: 'Started', value: formatDate(data.startDate) },
                { key: 'Weekly cost', value: formatWeeklyCost(data.weeklyCost) },
                ...endingRows(data),
              ]}
            />
          </SummaryCard>
          {data.placingOfficer ? (
            <SummaryCard id="officer" title="Placing officer">
              <SummaryList
                rows={[
                  { key: 'Name', value: data.placingOfficer.name },
                  {
                    key: 'Email',
                    value: (
                      <a className="govuk-link" href={`mailto:${data.placingOfficer.email}`}>
                        {data.placingOfficer.email}
                      </a>
                    ),
                  },
                  {
                    key: 'Phone',
                    value: data.placingOfficer.phone ? (
                      <a className="govuk-link" href={`tel:${data.placingOfficer.phone.replace(/\s/g, '')}`}>
                        {data.placingOfficer.phone}
                      </a>
                    ) : null,
                  },
                ]}
              />
            </SummaryCard>
          ) : null}
          <SummaryCard id="child" title="The child">
            <SummaryList
              rows={[{ key: 'Date of birth', value: formatDate(data.child.dateOfBirth) }, ...childRows(data.child)]}
            />
          </SummaryCard>
          <h2 className="govuk-heading-m">Outcomes</h2>
          {data.outcomes.length === 0 ? (
            <p className="govuk-body">The placing authority has not set outcomes for this placement yet.</p>
          ) : (
            data.outcomes.map((outcome) => <OutcomeCard key={outcome.id} placementId={data.id} outcome={outcome} />)
          )}
          <Feedback placement={data} />
        </>
      ) : null}
    </>
  );
}

function endingRows(placement: Placement) {
  const ended = placement.endDate ?? placement.endedOn;
  if (!ended) return [];
  return [
    { key: 'Ended', value: formatDate(ended) },
    { key: 'Reason', value: placement.endReason ? endReasonWords(placement.endReason) : 'Not given' },
    {
      key: 'Planned',
      value: placement.plannedEnding == null ? '' : placement.plannedEnding ? 'Yes, a planned move' : 'No, it broke down',
    },
  ];
}

/** A SMART outcome and its journey so far, oldest step first. */
function OutcomeCard({ placementId, outcome }: { placementId: string; outcome: Outcome }) {
  return (
    <SummaryCard
      id={`outcome-${outcome.id}`}
      title={outcome.description}
      tag={
        <>
          <StatusTag status={outcome.status} />
          {outcome.awaitingConfirmation ? (
            <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">Achieved: awaiting the placing authority</strong>
          ) : null}
        </>
      }
      actions={[
        <Link
          to="/provider-placements/$placementId/outcomes/$outcomeId"
          params={{ placementId, outcomeId: outcome.id }}
          className="govuk-link"
        >
          Record progress<span className="govuk-visually-hidden"> on {outcome.description}</span>
        </Link>,
      ]}
    >
      <SummaryList
        rows={[
          { key: 'Kind', value: OUTCOME_KIND_WORDS[outcome.kind] ?? outcome.kind },
          { key: 'Target date', value: formatDate(outcome.targetDate) },
        ]}
      />
      <div className="govuk-!-margin-top-6">
        <DataTable
          caption="Journey"
          captionClass="govuk-table__caption--s"
          columns={[{ header: 'When' }, { header: 'Status' }, { header: 'Recorded by' }, { header: 'Note' }]}
          rows={outcome.journey.map((step, index) => ({
            key: `${index}`,
            cells: [
              formatDateTime(step.recordedAt),
              step.proposed ? `${statusWords(step.status)} (proposed)` : statusWords(step.status),
              RECORDED_BY_WORDS[step.recordedByRole] ?? step.recordedByRole,
              step.note ?? '',
            ],
          }))}
        />
      </div>
    </SummaryCard>
  );
}

function Feedback({ placement }: { placement: Placement }) {
  if (!placement.feedback) {
    return placement.status === 'ended' ? (
      <>
        <h2 className="govuk-heading-m">Feedback from the placing authority</h2>
        <p className="govuk-body">The placing authority has not given its end-of-placement feedback yet.</p>
      </>
    ) : null;
  }
  const { feedback } = placement;
  return (
    <SummaryCard id="feedback" title="Feedback from the placing authority">
      <SummaryList
        rows={[
          { key: 'Rating', value: `${feedback.rating} out of 5` },
          { key: 'Comments', value: <p className="govuk-body app-pre-line">{feedback.comments}</p> },
          {
            key: "The young person's view",
            value: feedback.youngPersonView ? (
              <p className="govuk-body app-pre-line">{feedback.youngPersonView}</p>
            ) : (
              'They chose not to give one'
            ),
          },
          { key: 'Given', value: formatDate(feedback.createdAt) },
        ]}
      />
    </SummaryCard>
  );
}
