import type { CommandContext } from '@c360/kernel';
import { ChangeProgram, GetProgram, type ProgramChange } from '@c360/loyalty-application';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
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

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'The loyalty programme: earning rules, tiers and policies' })
  @Get()
  async get() {
    const { settings, revision } = await this.queries.execute(new GetProgram());
    return { version: revision, programVersion: settings.version, settings };
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change the spend earning rule (supervisors)' })
  @Put('spend-rule')
  @HttpCode(200)
  spendRule(@Body() body: SpendRuleDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-spend-rule', spendRule: body }, context);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change an engagement earning rule (supervisors)' })
  @Put('engagement-rules/:rule')
  @HttpCode(200)
  engagementRule(@Param() params: EngagementRuleParams, @Body() body: EngagementRuleDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-engagement-rule', rule: params.rule, settings: body }, context);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change the tier policy (supervisors)' })
  @Put('tiers')
  @HttpCode(200)
  tiers(@Body() body: TierPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-tier-policy', tiers: body }, context);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change the points policy: locking and expiry (supervisors)' })
  @Put('points-policy')
  @HttpCode(200)
  points(@Body() body: PointsPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-points-policy', points: body }, context);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change the transfer policy (supervisors)' })
  @Put('transfer-policy')
  @HttpCode(200)
  transfers(@Body() body: TransferPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-transfer-policy', transfers: body }, context);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change the fraud policy (supervisors)' })
  @Put('fraud-policy')
  @HttpCode(200)
  fraud(@Body() body: FraudPolicyDto, @RequestCommandContext() context: CommandContext) {
    return this.change({ type: 'change-fraud-policy', fraud: body }, context);
  }
}
