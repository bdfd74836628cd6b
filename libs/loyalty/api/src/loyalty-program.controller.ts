import type { CommandContext } from '@c360/kernel';
import { ChangeProgram, GetProgram, type ProgramChange } from '@c360/loyalty-application';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  EngagementRuleDto,
  EngagementRuleParams,
  FraudPolicyDto,
  PointsPolicyDto,
  SpendRuleDto,
  TierPolicyDto,
  TransferPolicyDto,
} from './dto/program.dto';

/** The club's rules. Reading is open; every change is a supervisor's, recorded as a versioned event. */
@Controller('loyalty/program')
export class LoyaltyProgramController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private change(change: ProgramChange, context: CommandContext) {
    return this.commands.execute(new ChangeProgram(change, context));
  }

  @Get()
  async get() {
    const { settings, revision } = await this.queries.execute(new GetProgram());
    return { version: revision, programVersion: settings.version, settings };
  }

  @Put('spend-rule')
  @HttpCode(200)
  spendRule(@Body() body: SpendRuleDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-spend-rule', spendRule: body }, context);
  }

  @Put('engagement-rules/:rule')
  @HttpCode(200)
  engagementRule(@Param() params: EngagementRuleParams, @Body() body: EngagementRuleDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-engagement-rule', rule: params.rule, settings: body }, context);
  }

  @Put('tiers')
  @HttpCode(200)
  tiers(@Body() body: TierPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-tier-policy', tiers: body }, context);
  }

  @Put('points-policy')
  @HttpCode(200)
  points(@Body() body: PointsPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-points-policy', points: body }, context);
  }

  @Put('transfer-policy')
  @HttpCode(200)
  transfers(@Body() body: TransferPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-transfer-policy', transfers: body }, context);
  }

  @Put('fraud-policy')
  @HttpCode(200)
  fraud(@Body() body: FraudPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-fraud-policy', fraud: body }, context);
  }
}
