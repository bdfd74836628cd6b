import type { Decider } from '@c360/kernel';
import type { DealCommand } from './deal.commands';
import type { DealEvent } from './deal.events';
import { evolveDeal } from './deal.evolve';
import { initialDealState, type DealState } from './deal.state';
import { decideActivity } from './rules/decide-activity';
import { decideAmount, decideCloseDate, decideOwner, decideProbability } from './rules/decide-deal-changes';
import { decideOpenDeal } from './rules/decide-open-deal';
import { decideClose, decideMove, decideReopen } from './rules/decide-stage-moves';

function decide(command: DealCommand, state: DealState): DealEvent[] {
  switch (command.type) {
    case 'open-deal':
      return decideOpenDeal(command, state);
    case 'move-deal':
      return decideMove(command, state);
    case 'win-deal':
    case 'lose-deal':
      return decideClose(command, state);
    case 'reopen-deal':
      return decideReopen(command, state);
    case 'change-deal-amount':
      return decideAmount(command, state);
    case 'change-deal-owner':
      return decideOwner(command, state);
    case 'change-deal-probability':
      return decideProbability(command, state);
    case 'change-deal-close-date':
      return decideCloseDate(command, state);
    case 'log-deal-activity':
      return decideActivity(command, state);
  }
}

export const dealDecider: Decider<DealCommand, DealEvent, DealState> = { initialState: initialDealState, decide, evolve: evolveDeal };
