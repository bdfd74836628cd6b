import { DomainError, type Decider } from '@c360/kernel';
import { requireText } from '../shared/sales-values';
import type { PipelineCommand } from './pipeline.commands';
import type { PipelineEvent } from './pipeline.events';
import { evolvePipeline, initialPipelineState, type PipelineState } from './pipeline.state';
import { MAX_OPEN_STAGES, STAGE_ID, type PipelineStage, type StageDefinition, type StageKind } from './pipeline.types';

type Defined = PipelineState & { status: 'defined' };

const TERMINAL_PROBABILITY: Record<Exclude<StageKind, 'open'>, number> = { won: 100, lost: 0 };

function requireStageId(stageId: string, field: string): void {
  if (typeof stageId !== 'string' || !STAGE_ID.test(stageId)) {
    throw new DomainError('sales.invalid-stage-id', `${field} must be a slug: lower-case letters, digits and "-", at most 40`, 'invalid', {
      field,
    });
  }
}

function requireProbability(probability: number, field: string): void {
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
    throw new DomainError('sales.invalid-probability', `${field} must be a whole percentage from 0 to 100`, 'invalid', { field });
  }
}

function validStages(stages: readonly StageDefinition[]): StageDefinition[] {
  const seen = new Set<string>();
  const valid = stages.map((stage, index) => {
    const at = `stages.${index}`;
    requireStageId(stage.stageId, `${at}.stageId`);
    if (seen.has(stage.stageId)) {
      throw new DomainError('sales.duplicate-stage', `Stage "${stage.stageId}" appears twice`, 'invalid', { field: `${at}.stageId` });
    }
    seen.add(stage.stageId);
    requireProbability(stage.probability, `${at}.probability`);
    if (stage.kind !== 'open' && stage.probability !== TERMINAL_PROBABILITY[stage.kind]) {
      throw new DomainError(
        'sales.terminal-stage-probability',
        `The ${stage.kind} stage's probability is ${TERMINAL_PROBABILITY[stage.kind]}`,
        'invalid',
        { field: `${at}.probability` },
      );
    }
    return { stageId: stage.stageId, name: requireText(stage.name, `${at}.name`, 60), probability: stage.probability, kind: stage.kind };
  });
  const count = (kind: StageKind) => valid.filter((stage) => stage.kind === kind).length;
  if (count('won') !== 1 || count('lost') !== 1) {
    throw new DomainError('sales.terminal-stages-required', 'A pipeline has exactly one won and one lost stage', 'invalid', {
      field: 'stages',
    });
  }
  if (count('open') < 1)
    throw new DomainError('sales.open-stage-required', 'A pipeline needs at least one open stage', 'invalid', { field: 'stages' });
  if (count('open') > MAX_OPEN_STAGES) {
    throw new DomainError('sales.too-many-stages', `A pipeline has at most ${MAX_OPEN_STAGES} open stages`, 'invalid', { field: 'stages' });
  }
  // Board order is part of the fact: open stages as given, then won, then lost.
  return [...valid.filter((s) => s.kind === 'open'), ...valid.filter((s) => s.kind === 'won'), ...valid.filter((s) => s.kind === 'lost')];
}

function requireDefined(state: PipelineState): Defined {
  if (state.status !== 'defined') throw new DomainError('sales.pipeline-not-found', 'No such pipeline', 'not-found');
  return state;
}

function requireStage(state: Defined, stageId: string): PipelineStage {
  const stage = state.stages.find((candidate) => candidate.stageId === stageId);
  if (!stage) throw new DomainError('sales.stage-not-found', `Pipeline has no stage "${stageId}"`, 'not-found', { stageId });
  return stage;
}

function activeOpen(state: Defined): PipelineStage[] {
  return state.stages.filter((stage) => stage.kind === 'open' && !stage.retired);
}

function decide(command: PipelineCommand, state: PipelineState): PipelineEvent[] {
  if (command.type === 'define-pipeline') {
    if (state.status !== 'none') throw new DomainError('sales.pipeline-exists', 'The pipeline is already defined', 'conflict');
    const name = requireText(command.name, 'name', 100);
    return [
      {
        type: 'sales.pipeline-defined',
        data: { pipelineId: command.pipelineId, name, stages: validStages(command.stages), definedAt: command.now },
      },
    ];
  }
  const pipeline = requireDefined(state);
  const { pipelineId } = pipeline;
  switch (command.type) {
    case 'rename-pipeline': {
      const name = requireText(command.name, 'name', 100);
      if (name === pipeline.name) return [];
      return [{ type: 'sales.pipeline-renamed', data: { pipelineId, name, previousName: pipeline.name, renamedAt: command.now } }];
    }
    case 'add-stage': {
      requireStageId(command.stageId, 'stageId');
      if (pipeline.stages.some((stage) => stage.stageId === command.stageId)) {
        // Retired stages keep their id: history refers to it.
        throw new DomainError('sales.duplicate-stage', `Stage "${command.stageId}" exists (perhaps retired)`, 'conflict', {
          field: 'stageId',
        });
      }
      requireProbability(command.probability, 'probability');
      const name = requireText(command.name, 'name', 60);
      const open = activeOpen(pipeline);
      if (pipeline.stages.filter((stage) => stage.kind === 'open').length >= MAX_OPEN_STAGES) {
        throw new DomainError('sales.too-many-stages', `A pipeline has at most ${MAX_OPEN_STAGES} open stages`, 'conflict');
      }
      let afterStageId: string | null;
      if (command.afterStageId === undefined) afterStageId = open[open.length - 1].stageId;
      else if (command.afterStageId === null) afterStageId = null;
      else {
        if (!open.some((stage) => stage.stageId === command.afterStageId)) {
          throw new DomainError('sales.unknown-stage', `"${command.afterStageId}" is not an active open stage`, 'invalid', {
            field: 'afterStageId',
          });
        }
        afterStageId = command.afterStageId;
      }
      const stage: StageDefinition = { stageId: command.stageId, name, probability: command.probability, kind: 'open' };
      return [{ type: 'sales.pipeline-stage-added', data: { pipelineId, stage, afterStageId, addedAt: command.now } }];
    }
    case 'change-stage': {
      const stage = requireStage(pipeline, command.stageId);
      if (stage.retired)
        throw new DomainError('sales.stage-retired', `Stage "${stage.stageId}" is retired`, 'conflict', { stageId: stage.stageId });
      const name = command.name === undefined ? stage.name : requireText(command.name, 'name', 60);
      const probability = command.probability ?? stage.probability;
      requireProbability(probability, 'probability');
      if (stage.kind !== 'open' && probability !== stage.probability) {
        throw new DomainError('sales.terminal-stage-probability', `The ${stage.kind} stage's probability is fixed`, 'invalid', {
          field: 'probability',
        });
      }
      if (name === stage.name && probability === stage.probability) return [];
      return [
        {
          type: 'sales.pipeline-stage-changed',
          data: {
            pipelineId,
            stageId: stage.stageId,
            name,
            probability,
            previousName: stage.name,
            previousProbability: stage.probability,
            changedAt: command.now,
          },
        },
      ];
    }
    case 'reorder-stages': {
      const open = activeOpen(pipeline).map((stage) => stage.stageId);
      const given = command.stageIds;
      const permutation = given.length === open.length && new Set(given).size === given.length && given.every((id) => open.includes(id));
      if (!permutation) {
        throw new DomainError(
          'sales.invalid-stage-order',
          `stageIds must list each active open stage once: ${open.join(', ')}`,
          'invalid',
          {
            field: 'stageIds',
          },
        );
      }
      if (given.every((id, index) => id === open[index])) return [];
      const retired = pipeline.stages.filter((stage) => stage.kind === 'open' && stage.retired).map((stage) => stage.stageId);
      return [
        { type: 'sales.pipeline-stages-reordered', data: { pipelineId, stageIds: [...given, ...retired], reorderedAt: command.now } },
      ];
    }
    case 'retire-stage': {
      const stage = requireStage(pipeline, command.stageId);
      if (stage.kind !== 'open')
        throw new DomainError('sales.terminal-stage', `The ${stage.kind} stage cannot be retired`, 'invalid', { stageId: stage.stageId });
      if (stage.retired) return [];
      if (activeOpen(pipeline).length === 1) {
        throw new DomainError('sales.last-open-stage', 'The last active open stage cannot be retired', 'conflict', {
          stageId: stage.stageId,
        });
      }
      return [{ type: 'sales.pipeline-stage-retired', data: { pipelineId, stageId: stage.stageId, retiredAt: command.now } }];
    }
  }
}

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: initialPipelineState,
  decide,
  evolve: evolvePipeline,
};
