import type { CommandContext, CommandResult } from '@c360/kernel';
import { LoyaltyProgramService } from '@c360/loyalty-application';
import type { ProgramState } from '@c360/loyalty-domain';
import { RequestCommandContext } from '@c360/runtime';
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

function changed(result: CommandResult<ProgramState>) {
  return {
    version: result.revision,
    programVersion: result.state.version,
    changed: result.events.length > 0 && !result.duplicate,
    settings: result.state,
  };
}

/** The club's rules. Reading is open; every change is a supervisor's, recorded as a versioned event. */
@Controller('loyalty/program')
export class LoyaltyProgramController {
  constructor(private readonly program: LoyaltyProgramService) {}

  @Get()
  async get() {
    const { settings, revision } = await this.program.current();
    return { version: revision, programVersion: settings.version, settings };
  }

  @Put('spend-rule')
  @HttpCode(200)
  async spendRule(@Body() body: SpendRuleDto, @RequestCommandContext() context: CommandContext) {
    return changed(await this.program.change({ type: 'change-spend-rule', spendRule: body }, context));
  }

  @Put('engagement-rules/:rule')
  @HttpCode(200)
  async engagementRule(
    @Param() params: EngagementRuleParams,
    @Body() body: EngagementRuleDto,
    @RequestCommandContext() context: CommandContext,
  ) {
    return changed(await this.program.change({ type: 'change-engagement-rule', rule: params.rule, settings: body }, context));
  }

  @Put('tiers')
  @HttpCode(200)
  async tiers(@Body() body: TierPolicyDto, @RequestCommandContext() context: CommandContext) {
    return changed(await this.program.change({ type: 'change-tier-policy', tiers: body }, context));
  }

  @Put('points-policy')
  @HttpCode(200)
  async points(@Body() body: PointsPolicyDto, @RequestCommandContext() context: CommandContext) {
    return changed(await this.program.change({ type: 'change-points-policy', points: body }, context));
  }

  @Put('transfer-policy')
  @HttpCode(200)
  async transfers(@Body() body: TransferPolicyDto, @RequestCommandContext() context: CommandContext) {
    return changed(await this.program.change({ type: 'change-transfer-policy', transfers: body }, context));
  }

  @Put('fraud-policy')
  @HttpCode(200)
  async fraud(@Body() body: FraudPolicyDto, @RequestCommandContext() context: CommandContext) {
    return changed(await this.program.change({ type: 'change-fraud-policy', fraud: body }, context));
  }
}
