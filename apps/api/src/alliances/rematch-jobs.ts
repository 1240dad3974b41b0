import { JobName, outboxJob } from '@app/jobs';

/** The jobs that re-match an alliance's referrals when what they are matched with changes. */
export const REMATCH = {
  routine: outboxJob(JobName.RematchReferral),
  emergency: outboxJob(JobName.RematchEmergency),
};
