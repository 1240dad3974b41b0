import { Injectable, Logger } from '@nestjs/common';
import { OutboxSignal, StepDownRepository } from '@app/persistence';
import { HandlesJob, JobHandler } from '@app/queue';
import { JobName, JobPayloads } from '@app/jobs';


/**
 * An emergency placement is a bridge, not the end: opens the planned follow-on referral for the
 * same child and queues its first match. Safe to run twice: the second finds it opened.
 */
@Injectable()
@JobHandler(JobName.OpenStepDown)
export class OpenStepDownHandler implements HandlesJob<JobName.OpenStepDown> {
  private readonly logger = new Logger(OpenStepDownHandler.name);

  constructor(
    private readonly stepDowns: StepDownRepository,
    private readonly outbox: OutboxSignal,
  ) {}

  async handle({ placementId }: JobPayloads[JobName.OpenStepDown]) {
    const result = await this.stepDowns.openStepDown(placementId);
    if (result.opened) {
      this.outbox.signal();
      this.logger.log({ placementId, referralId: result.referralId }, 'step-down referral opened');
    }
    return result;
  }
}
