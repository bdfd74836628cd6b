import { streamName, type AggregateType } from '@c360/kernel';
import type { PipelineCommand } from './pipeline.commands';
import { pipelineDecider } from './pipeline.decider';
import type { PipelineEvent } from './pipeline.events';
import type { PipelineState } from './pipeline.state';

export function pipelineStream(pipelineId: string): string {
  return streamName('sales', 'pipeline', pipelineId);
}

export const pipelineAggregate: AggregateType<PipelineCommand, PipelineEvent, PipelineState> = {
  name: 'sales-pipeline',
  decider: pipelineDecider,
  eventSchemas: {
    'sales.pipeline-defined': 1,
    'sales.pipeline-renamed': 1,
    'sales.pipeline-stage-added': 1,
    'sales.pipeline-stage-changed': 1,
    'sales.pipeline-stages-reordered': 1,
    'sales.pipeline-stage-retired': 1,
  },
};
