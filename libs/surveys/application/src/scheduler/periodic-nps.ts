import { deriveId, isDomainError, type Clock, type DocumentStore } from '@c360/kernel';
import {
  CLOCK,
  ContextCommand,
  DOCUMENT_STORE,
  HandlesCommand,
  PeriodicJob,
  type ICommandHandler,
  PLATFORM_CONFIG,
  type PlatformConfig,
} from '@c360/runtime';
import { SURVEYS_COLLECTIONS, consentValidAt, type RespondentDocument } from '@c360/surveys-projections';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SURVEYS_CONFIG, type SurveysConfig } from '../config/surveys-config';
import { RespondentService } from '../respondents/respondent.service';
import { NPS_TEMPLATE_ID } from '../templates/ensure-default-templates';

export interface PeriodicNpsRun {
  readonly asOf: string;
  readonly considered: number;
  readonly sent: number;
  /** Asked within the survey's recontactDays (survey fatigue). */
  readonly tooSoon: number;
  readonly failed: number;
}

const NAME = 'surveys-periodic-nps';
const ACTOR = { id: NAME, role: 'system' } as const;

/**
 * Periodic NPS: every SURVEYS_NPS_INTERVAL_MS, each active customer with consent for the NPS channel
 * and purpose is asked the default NPS survey — at most one periodic invitation per customer and month
 * (its id derives from both), and never within the survey's recontactDays of any other invitation
 * (the respondent decider refuses). Specs call `runOnce()` with a FakeClock.
 */
@Injectable()
export class PeriodicNpsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SurveysPeriodicNps');
  private readonly job = new PeriodicJob<PeriodicNpsRun>(() => this.pass(), this.logger);

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(SURVEYS_CONFIG) private readonly config: SurveysConfig,
    private readonly respondents: RespondentService,
  ) {}

  runOnce(): Promise<PeriodicNpsRun> {
    return this.job.runOnce();
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.npsIntervalMs, this.platform);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  private async pass(): Promise<PeriodicNpsRun> {
    const asOf = this.clock.now().toISOString();
    const month = asOf.slice(0, 7);
    const { npsChannel: channel, npsPurpose: purpose, npsBatchSize } = this.config;
    let considered = 0;
    let sent = 0;
    let tooSoon = 0;
    let failed = 0;
    let after: string | undefined;
    do {
      const page = await this.documents.find<RespondentDocument>(
        SURVEYS_COLLECTIONS.respondents,
        { status: 'active' },
        { limit: npsBatchSize, after },
      );
      for (const respondent of page.items) {
        if (!consentValidAt(respondent, channel, purpose, asOf)) continue;
        considered++;
        const invitationId = deriveId(`surveys/nps/${respondent.customerId}/${month}`);
        try {
          const result = await this.respondents.send(
            { invitationId, customerId: respondent.customerId, templateId: NPS_TEMPLATE_ID, channel, purpose },
            { commandId: deriveId(`${NAME}/${invitationId}`), actor: ACTOR },
          );
          if (result.changed) sent++;
        } catch (error) {
          if (isDomainError(error) && error.code === 'surveys.recontact-too-soon') tooSoon++;
          else {
            failed++;
            this.logger.warn(`${respondent.customerId}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
      after = page.nextCursor;
    } while (after);
    return { asOf, considered, sent, tooSoon, failed };
  }
}

/** `POST /surveys/scheduler/nps/run`: one pass now (operators, specs). */
export class RunPeriodicNps extends ContextCommand<PeriodicNpsRun> {}

@HandlesCommand(RunPeriodicNps)
export class RunPeriodicNpsHandler implements ICommandHandler<RunPeriodicNps, PeriodicNpsRun> {
  constructor(private readonly scheduler: PeriodicNpsScheduler) {}
  execute(): Promise<PeriodicNpsRun> {
    return this.scheduler.runOnce();
  }
}
