import { Table } from '../../components/table';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { Ok } from '../../api/types';
import { Countdown } from '../../components/countdown';
import { ScoreBar, ScoreLegend } from '../../components/score-bar';
import { formatDateTime, formatMiles, formatWeeklyCost } from '../../lib/format';
import { reasonLine } from '../../lib/reasons';
import { ofstedWords, placementTypeWords } from '../../lib/words';
import { holdsQuery, recipientsQuery } from './queries';

export type Referral = Ok<'/api/v1/referrals/{id}'>;
export type MatchItem = Ok<'/api/v1/referrals/{id}/matches'>['items'][number];

/**
 * The ranked shortlist. Each row says who and where, the score split into its parts and a line of
 * reasons; the officer chooses which providers are sent the referral and can hold a bed.
 */
export function Shortlist({
  referral,
  items,
  laName,
  loading,
}: {
  referral: Referral;
  items: MatchItem[];
  laName: (code: string | null) => string;
  loading: boolean;
}) {
  const recipients = useQuery(recipientsQuery(referral.id));
  const sent = new Map((recipients.data?.items ?? []).map((recipient) => [recipient.providerId, recipient]));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (providerIds: string[]) =>
      unwrap(api.POST('/api/v1/referrals/{id}/recipients', { params: { path: { id: referral.id } }, body: { providerIds } })),
    onSuccess: () => setChosen(new Set()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['referrals', referral.id, 'recipients'] }),
  });
  // Holds of the providers the referral went to: those are the beds an officer holds.
  const heldVacancies = items.filter((item) => sent.has(item.provider.id)).map((item) => item.vacancyId);
  const holds = useQueries({ queries: heldVacancies.map((vacancyId) => holdsQuery(vacancyId)) });
  const holdsByVacancy = new Map(heldVacancies.map((vacancyId, index) => [vacancyId, holds[index]?.data?.items ?? []]));

  if (loading) return <p className="govuk-body">Loading the shortlist…</p>;
  if (items.length === 0) {
    return <p className="govuk-body">No vacancy meets every requirement. See "Why not" for what rules each one out.</p>;
  }
  const canSend = referral.status === 'shortlisted';
  return (
    <>
      <h2 className="govuk-heading-m">Ranked vacancies</h2>
      <p className="govuk-body">
        Best first. Providers you send the referral to see an anonymised summary and can offer or decline; the others never
        see it.
      </p>
      <ScoreLegend />
      {canSend ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen.size > 0) send.mutate([...chosen]);
          }}
        >
          <ShortlistTable
            referral={referral}
            items={items}
            laName={laName}
            sent={sent}
            chosen={chosen}
            onChoose={(providerId, on) =>
              setChosen((current) => {
                const next = new Set(current);
                if (on) next.add(providerId);
                else next.delete(providerId);
                return next;
              })
            }
            holdsByVacancy={holdsByVacancy}
          />
          {send.error ? (
            <p className="govuk-error-message">{send.error instanceof ApiError ? send.error.message : 'Not sent: try again.'}</p>
          ) : null}
          {items.some((item) => !sent.has(item.provider.id)) ? (
            <button type="submit" className="govuk-button" disabled={send.isPending}>
              {chosen.size === 0
                ? 'Send to the providers chosen'
                : `Send to ${chosen.size === 1 ? '1 more provider' : `${chosen.size} more providers`}`}
            </button>
          ) : null}
        </form>
      ) : (
        <ShortlistTable referral={referral} items={items} laName={laName} sent={sent} holdsByVacancy={holdsByVacancy} />
      )}
    </>
  );
}

type Recipient = Ok<'/api/v1/referrals/{id}/recipients'>['items'][number];
type Hold = Ok<'/api/v1/vacancies/{id}/holds'>['items'][number];

function ShortlistTable({
  referral,
  items,
  laName,
  sent,
  chosen,
  onChoose,
  holdsByVacancy,
}: {
  referral: Referral;
  items: MatchItem[];
  laName: (code: string | null) => string;
  sent: Map<string, Recipient>;
  chosen?: Set<string>;
  onChoose?: (providerId: string, on: boolean) => void;
  holdsByVacancy: Map<string, Hold[]>;
}) {
  return (
    <Table caption="Ranked vacancies, best first" heads={['Rank', 'Home and provider', 'Where', 'Weekly cost', 'Score', 'Sent']}>
          {items.map((item) => {
            const recipient = sent.get(item.provider.id);
            const overBudget = referral.weeklyBudget != null && item.weeklyCost > referral.weeklyBudget;
            return (
              <tr className="govuk-table__row" key={item.vacancyId}>
                <td className="govuk-table__cell">{item.rank}</td>
                <td className="govuk-table__cell">
                  <strong>{item.setting.name}</strong>
                  <br />
                  {item.provider.name}
                  <br />
                  <span className="govuk-body-s">
                    {placementTypeWords(item.setting.placementType)}, Ofsted {ofstedWords(item.setting.ofstedGrade)}
                  </span>
                  {item.setting.gradeVerified ? null : (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--yellow">Grade not verified with Ofsted</strong>
                    </>
                  )}
                  <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                    {reasonLine({
                      childNeeds: referral.child.needs,
                      settingNeeds: (item.setting as { needsSupported?: { code: string; level: number }[] }).needsSupported,
                      distanceMiles: item.distanceMiles,
                      settingLocalAuthorityCode: item.setting.localAuthorityCode,
                      settingLocalAuthorityName: laName(item.setting.localAuthorityCode),
                      placingLocalAuthorityCode: referral.localAuthorityCode,
                      ofstedGrade: item.setting.ofstedGrade,
                      weeklyCost: item.weeklyCost,
                      weeklyBudget: referral.weeklyBudget,
                    })}
                  </p>
                </td>
                <td className="govuk-table__cell">
                  {formatMiles(item.distanceMiles)}
                  <br />
                  <span className="govuk-body-s">
                    {item.setting.postcodeDistrict}, {laName(item.setting.localAuthorityCode)}
                  </span>
                </td>
                <td className="govuk-table__cell">
                  {formatWeeklyCost(item.weeklyCost)}
                  {referral.weeklyBudget != null ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{overBudget ? `£${(item.weeklyCost - referral.weeklyBudget).toLocaleString('en-GB')} over budget` : 'Within budget'}</span>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell" style={{ minWidth: 160 }}>
                  <ScoreBar score={item.score} breakdown={item.breakdown} />
                </td>
                <td className="govuk-table__cell">
                  {recipient ? (
                    <>
                      <span className="govuk-body-s">
                        Sent {formatDateTime(String(recipient.sentAt))}
                        {recipient.sentBy ? ` by ${recipient.sentBy.name}` : ' (automatically)'}
                      </span>
                      <HoldControls referralId={referral.id} item={item} holds={holdsByVacancy.get(item.vacancyId) ?? []} canHold={referral.status === 'shortlisted'} />
                    </>
                  ) : onChoose && chosen ? (
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <div className="govuk-checkboxes__item">
                        <input
                          className="govuk-checkboxes__input"
                          type="checkbox"
                          id={`send-${item.vacancyId}`}
                          checked={chosen.has(item.provider.id)}
                          onChange={(event) => onChoose(item.provider.id, event.target.checked)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`send-${item.vacancyId}`}>
                          Send to {item.provider.name}
                        </label>
                      </div>
                    </div>
                  ) : (
                    <span className="govuk-body-s">Not sent</span>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
  );
}

/** A bed held for this referral, with its countdown; or a button to hold one. */
function HoldControls({ referralId, item, holds, canHold }: { referralId: string; item: MatchItem; holds: Hold[]; canHold: boolean }) {
  const queryClient = useQueryClient();
  const mine = holds.find((hold) => hold.referralId === referralId);
  const hold = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/vacancies/{id}/holds', { params: { path: { id: item.vacancyId } }, body: { referralId, minutes: 60 } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['vacancies', item.vacancyId, 'holds'] }),
  });
  const release = useMutation({
    mutationFn: (holdId: string) =>
      unwrap(api.DELETE('/api/v1/vacancies/{id}/holds/{holdId}', { params: { path: { id: item.vacancyId, holdId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['vacancies', item.vacancyId, 'holds'] }),
  });
  if (mine) {
    return (
      <div className="govuk-!-margin-top-2">
        <span className="govuk-body-s">
          Bed held: <Countdown until={String(mine.expiresAt)} /> left
        </span>
        <br />
        <button type="button" className="app-link-button govuk-body-s" onClick={() => release.mutate(mine.id)}>
          Give the bed back<span className="govuk-visually-hidden"> at {item.setting.name}</span>
        </button>
      </div>
    );
  }
  if (!canHold) return null;
  return (
    <div className="govuk-!-margin-top-2">
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => hold.mutate()} disabled={hold.isPending}>
        Hold a bed for an hour<span className="govuk-visually-hidden"> at {item.setting.name}</span>
      </button>
      {hold.error ? (
        <p className="govuk-error-message govuk-!-margin-top-1">
          {hold.error instanceof ApiError && hold.error.status === 409 ? 'No bed is free to hold.' : 'The bed could not be held.'}
        </p>
      ) : null}
    </div>
  );
}
