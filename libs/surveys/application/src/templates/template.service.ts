import { CommandHandler, DomainError, useCaseResult, type Clock, type CommandContext, type UseCaseResult } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { surveyTemplateAggregate, templateStream, type SurveyKind, type TemplateContent, type TemplateState } from '@c360/surveys-domain';
import { Inject, Injectable } from '@nestjs/common';

export type TemplateResult = UseCaseResult<TemplateState> & { readonly templateId: string };
export type ActiveTemplate = Extract<TemplateState, { status: 'active' }>;

/** Survey templates: defined once, revised into new versions (each invitation keeps the version it was sent with). */
@Injectable()
export class SurveyTemplateService {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async define(templateId: string, kind: SurveyKind, content: TemplateContent, context: CommandContext): Promise<TemplateResult> {
    const result = await this.commands.handle(
      surveyTemplateAggregate,
      templateStream(templateId),
      { type: 'define-template', templateId, kind, content, now: this.clock.now().toISOString(), actorId: context.actor.id },
      context,
    );
    return { ...useCaseResult(result), templateId };
  }

  async revise(templateId: string, content: TemplateContent, context: CommandContext): Promise<TemplateResult> {
    const result = await this.commands.handle(
      surveyTemplateAggregate,
      templateStream(templateId),
      { type: 'revise-template', content, now: this.clock.now().toISOString(), actorId: context.actor.id },
      context,
    );
    return { ...useCaseResult(result), templateId };
  }

  /** The template (write-side truth); 404 when it does not exist. */
  async require(templateId: string, field = 'templateId'): Promise<ActiveTemplate> {
    const { state } = await this.commands.load(surveyTemplateAggregate, templateStream(templateId));
    if (state.status === 'none') {
      throw new DomainError('surveys.template-not-found', `No survey template ${templateId}`, 'not-found', { templateId, field });
    }
    return state;
  }

  async exists(templateId: string): Promise<boolean> {
    return (await this.commands.load(surveyTemplateAggregate, templateStream(templateId))).state.status !== 'none';
  }
}
