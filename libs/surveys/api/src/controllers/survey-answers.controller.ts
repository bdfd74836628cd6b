import { CommandBus, Public, QueryBus } from '@c360/runtime';
import { AnswerSurvey, GetSurveyByToken } from '@c360/surveys-application';
import type { QuestionResponse } from '@c360/surveys-domain';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SurveyAnswerDto, SurveyTokenQuery } from '../dto/survey.dto';

/**
 * The customer's side: no login, the signed link's token (`?token=` on the link, `token` in the answer) is the only key. A wrong, altered or expired
 * token is one 404 (`surveys.invitation-not-found`), whatever went wrong; what a valid one shows is the
 * survey's questions in the message's language — never who it was sent to.
 */
@Controller('surveys/respond')
export class SurveyAnswersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @ApiOperation({ summary: 'The survey behind an invitation link (questions only)' })
  @Get()
  survey(@Query() query: SurveyTokenQuery) {
    return this.queries.execute(new GetSurveyByToken(query.token));
  }

  @Public()
  @ApiOperation({ summary: 'Answer a survey through its invitation link (one answer per invitation)' })
  @Post()
  async answer(@Body() body: SurveyAnswerDto) {
    const responses: QuestionResponse[] = [
      ...(body.score === undefined ? [] : [{ questionId: 'score', value: body.score }]),
      ...(body.comment === undefined ? [] : [{ questionId: 'comment', value: body.comment }]),
      ...(body.responses ?? []).map((response) => ({ questionId: response.questionId, value: response.value })),
    ];
    const result = await this.commands.execute(new AnswerSurvey(body.token, responses));
    const invitation = result.state.invitations[result.invitationId];
    return { recorded: true, duplicate: result.duplicate, kind: invitation?.kind, category: invitation?.answer?.category ?? null };
  }
}
