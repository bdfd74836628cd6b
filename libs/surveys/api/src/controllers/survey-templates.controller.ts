import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { DefineSurveyTemplate, GetSurveyTemplate, ListSurveyTemplates, ReviseSurveyTemplate } from '@c360/surveys-application';
import type { TemplateContent } from '@c360/surveys-domain';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DefineSurveyTemplateDto, ReviseSurveyTemplateDto, SurveyTemplateParams, SurveysPageQuery } from '../dto/survey.dto';
import { written } from './survey-responses';

function contentOf(body: ReviseSurveyTemplateDto): TemplateContent {
  return {
    name: body.name,
    questions: body.questions.map((question) => ({
      questionId: question.questionId,
      type: question.type,
      prompt: question.prompt,
      required: question.required,
      ...(question.min === undefined ? {} : { min: question.min }),
      ...(question.max === undefined ? {} : { max: question.max }),
      ...(question.options ? { options: question.options } : {}),
    })),
    messages: body.messages,
    defaultLanguage: body.defaultLanguage,
    ...(body.recontactDays === undefined ? {} : { recontactDays: body.recontactDays }),
  };
}

@Controller('surveys/templates')
export class SurveyTemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Define a survey template (NPS, CSAT or a custom question set), version 1' })
  @Post()
  async define(@Body() body: DefineSurveyTemplateDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new DefineSurveyTemplate(body.templateId, body.kind, contentOf(body), context));
    return written(result, { templateId: result.templateId, templateVersion: templateVersionOf(result.state) });
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Revise a survey template: the next version (invitations keep the version they were sent with)' })
  @Put(':templateId')
  async revise(
    @Param() params: SurveyTemplateParams,
    @Body() body: ReviseSurveyTemplateDto,
    @RequestCommandContext() context: CommandContext,
  ) {
    const result = await this.commands.execute(new ReviseSurveyTemplate(params.templateId, contentOf(body), context));
    return written(result, { templateId: result.templateId, templateVersion: templateVersionOf(result.state) });
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'List survey templates (current versions)' })
  @Get()
  list(@Query() page: SurveysPageQuery) {
    return this.queries.execute(new ListSurveyTemplates({ limit: page.limit, after: page.after }));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Get a survey template (current version)' })
  @Get(':templateId')
  get(@Param() params: SurveyTemplateParams) {
    return this.queries.execute(new GetSurveyTemplate(params.templateId));
  }
}

function templateVersionOf(state: { status: string; version?: number }): number | null {
  return state.status === 'active' ? (state.version ?? null) : null;
}
