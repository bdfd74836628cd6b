import { deciderSpec } from '@c360/kernel/testing';
import { T0 } from '../testing/sales-fixtures';
import { DEFAULT_STAGES } from './default-pipeline';
import { pipelineDecider } from './pipeline.decider';
import type { PipelineEvent } from './pipeline.events';
import type { StageDefinition } from './pipeline.types';

const spec = deciderSpec(pipelineDecider);
const P = '0190a5c4-0000-7000-8000-0000000000a1';
const defined: PipelineEvent = {
  type: 'sales.pipeline-defined',
  data: { pipelineId: P, name: 'Sales pipeline', stages: DEFAULT_STAGES, definedAt: T0 },
};
const define = (stages: readonly StageDefinition[], name = 'Enterprise') => ({
  type: 'define-pipeline' as const,
  pipelineId: P,
  name,
  stages,
  now: T0,
});
const open = (stageId: string, probability: number): StageDefinition => ({ stageId, name: stageId, probability, kind: 'open' });
const won: StageDefinition = { stageId: 'won', name: 'Won', probability: 100, kind: 'won' };
const lost: StageDefinition = { stageId: 'lost', name: 'Lost', probability: 0, kind: 'lost' };

describe('pipeline configuration', () => {
  describe('defining a pipeline', () => {
    it('records the stages in board order: open stages as given, then won, then lost', () => {
      spec
        .given([])
        .when(define([lost, open('demo', 30), won, open('trial', 60)], '  Enterprise '))
        .then([
          {
            type: 'sales.pipeline-defined',
            data: { pipelineId: P, name: 'Enterprise', stages: [open('demo', 30), open('trial', 60), won, lost], definedAt: T0 },
          },
        ]);
    });

    it('needs exactly one won and one lost stage, and at least one open stage', () => {
      spec
        .given([])
        .when(define([open('a', 10), won]))
        .thenThrows('sales.terminal-stages-required', 'invalid');
      spec
        .given([])
        .when(define([open('a', 10), won, lost, { ...lost, stageId: 'lost-2' }]))
        .thenThrows('sales.terminal-stages-required');
      spec
        .given([])
        .when(define([won, lost]))
        .thenThrows('sales.open-stage-required', 'invalid');
    });

    it('fixes the won stage at 100% and the lost stage at 0%', () => {
      const error = spec
        .given([])
        .when(define([open('a', 10), { ...won, probability: 90 }, lost]))
        .thenThrows('sales.terminal-stage-probability');
      expect(error.details).toEqual({ field: 'stages.1.probability' });
    });

    it('refuses duplicate stage ids, non-slug ids and probabilities outside 0–100, naming the field', () => {
      expect(
        spec
          .given([])
          .when(define([open('a', 10), open('a', 20), won, lost]))
          .thenThrows('sales.duplicate-stage').details,
      ).toEqual({
        field: 'stages.1.stageId',
      });
      expect(
        spec
          .given([])
          .when(define([open('Not A Slug', 10), won, lost]))
          .thenThrows('sales.invalid-stage-id').details,
      ).toEqual({
        field: 'stages.0.stageId',
      });
      spec
        .given([])
        .when(define([open('a', 101), won, lost]))
        .thenThrows('sales.invalid-probability');
      spec
        .given([])
        .when(define([open('a', 12.5), won, lost]))
        .thenThrows('sales.invalid-probability');
    });

    it('allows at most 20 open stages', () => {
      const many = Array.from({ length: 21 }, (_, i) => open(`s${i}`, i));
      spec
        .given([])
        .when(define([...many, won, lost]))
        .thenThrows('sales.too-many-stages');
    });

    it('refuses to define the same pipeline twice', () => {
      spec
        .given([defined])
        .when(define([open('a', 10), won, lost]))
        .thenThrows('sales.pipeline-exists', 'conflict');
    });
  });

  it('renames, and a rename to the same name changes nothing', () => {
    spec
      .given([defined])
      .when({ type: 'rename-pipeline', name: 'B2B', now: T0 })
      .then([{ type: 'sales.pipeline-renamed', data: { pipelineId: P, name: 'B2B', previousName: 'Sales pipeline', renamedAt: T0 } }]);
    spec.given([defined]).when({ type: 'rename-pipeline', name: 'Sales pipeline', now: T0 }).thenNothing();
    spec.given([]).when({ type: 'rename-pipeline', name: 'B2B', now: T0 }).thenThrows('sales.pipeline-not-found', 'not-found');
  });

  describe('adding a stage', () => {
    it('goes after the last open stage unless told where', () => {
      spec
        .given([defined])
        .when({ type: 'add-stage', stageId: 'contract', name: 'Contract', probability: 90, now: T0 })
        .then([
          {
            type: 'sales.pipeline-stage-added',
            data: {
              pipelineId: P,
              stage: { stageId: 'contract', name: 'Contract', probability: 90, kind: 'open' },
              afterStageId: 'negotiation',
              addedAt: T0,
            },
          },
        ]);
      const state = spec
        .given([
          defined,
          { type: 'sales.pipeline-stage-added', data: { pipelineId: P, stage: open('demo', 40), afterStageId: 'qualified', addedAt: T0 } },
        ])
        .state();
      expect(state.status === 'defined' && state.stages.map((s) => s.stageId)).toEqual([
        'lead',
        'qualified',
        'demo',
        'proposal',
        'negotiation',
        'won',
        'lost',
      ]);
      const first = spec
        .given([
          defined,
          { type: 'sales.pipeline-stage-added', data: { pipelineId: P, stage: open('inbox', 5), afterStageId: null, addedAt: T0 } },
        ])
        .state();
      expect(first.status === 'defined' && first.stages[0].stageId).toBe('inbox');
    });

    it('refuses an id in use (a retired stage keeps its id) and an unknown position', () => {
      const retired: PipelineEvent = { type: 'sales.pipeline-stage-retired', data: { pipelineId: P, stageId: 'proposal', retiredAt: T0 } };
      spec
        .given([defined, retired])
        .when({ type: 'add-stage', stageId: 'proposal', name: 'Again', probability: 50, now: T0 })
        .thenThrows('sales.duplicate-stage', 'conflict');
      spec
        .given([defined])
        .when({ type: 'add-stage', stageId: 'demo', name: 'Demo', probability: 40, afterStageId: 'won', now: T0 })
        .thenThrows('sales.unknown-stage', 'invalid');
    });
  });

  describe('changing a stage', () => {
    it('changes an open stage’s name and probability, recording what they were', () => {
      spec
        .given([defined])
        .when({ type: 'change-stage', stageId: 'proposal', probability: 40, now: T0 })
        .then([
          {
            type: 'sales.pipeline-stage-changed',
            data: {
              pipelineId: P,
              stageId: 'proposal',
              name: 'Proposal',
              probability: 40,
              previousName: 'Proposal',
              previousProbability: 50,
              changedAt: T0,
            },
          },
        ]);
      spec.given([defined]).when({ type: 'change-stage', stageId: 'proposal', name: 'Proposal', probability: 50, now: T0 }).thenNothing();
    });

    it('may rename the won stage but not change its probability', () => {
      spec
        .given([defined])
        .when({ type: 'change-stage', stageId: 'won', name: 'Closed won', now: T0 })
        .thenEvents(([event]) => expect(event.type).toBe('sales.pipeline-stage-changed'));
      spec
        .given([defined])
        .when({ type: 'change-stage', stageId: 'won', probability: 90, now: T0 })
        .thenThrows('sales.terminal-stage-probability', 'invalid');
    });

    it('answers not-found for an unknown stage and conflict for a retired one', () => {
      spec
        .given([defined])
        .when({ type: 'change-stage', stageId: 'nope', name: 'x', now: T0 })
        .thenThrows('sales.stage-not-found', 'not-found');
      const retired: PipelineEvent = { type: 'sales.pipeline-stage-retired', data: { pipelineId: P, stageId: 'lead', retiredAt: T0 } };
      spec
        .given([defined, retired])
        .when({ type: 'change-stage', stageId: 'lead', name: 'x', now: T0 })
        .thenThrows('sales.stage-retired', 'conflict');
    });
  });

  describe('reordering', () => {
    it('takes every active open stage once; retired ones follow in their old order', () => {
      const retired: PipelineEvent = { type: 'sales.pipeline-stage-retired', data: { pipelineId: P, stageId: 'lead', retiredAt: T0 } };
      spec
        .given([defined, retired])
        .when({ type: 'reorder-stages', stageIds: ['proposal', 'qualified', 'negotiation'], now: T0 })
        .then([
          {
            type: 'sales.pipeline-stages-reordered',
            data: { pipelineId: P, stageIds: ['proposal', 'qualified', 'negotiation', 'lead'], reorderedAt: T0 },
          },
        ]);
      spec
        .given([defined])
        .when({ type: 'reorder-stages', stageIds: ['lead', 'qualified', 'proposal'], now: T0 })
        .thenThrows('sales.invalid-stage-order', 'invalid');
      spec
        .given([defined])
        .when({ type: 'reorder-stages', stageIds: ['lead', 'qualified', 'proposal', 'won'], now: T0 })
        .thenThrows('sales.invalid-stage-order');
      spec
        .given([defined])
        .when({ type: 'reorder-stages', stageIds: ['lead', 'qualified', 'proposal', 'negotiation'], now: T0 })
        .thenNothing();
    });
  });

  describe('retiring a stage', () => {
    it('retires an open stage once', () => {
      const retired: PipelineEvent = { type: 'sales.pipeline-stage-retired', data: { pipelineId: P, stageId: 'qualified', retiredAt: T0 } };
      spec.given([defined]).when({ type: 'retire-stage', stageId: 'qualified', now: T0 }).then([retired]);
      spec.given([defined, retired]).when({ type: 'retire-stage', stageId: 'qualified', now: T0 }).thenNothing();
      const state = spec.given([defined, retired]).state();
      expect(state.status === 'defined' && state.stages.find((s) => s.stageId === 'qualified')?.retired).toBe(true);
    });

    it('never retires won, lost or the last active open stage', () => {
      spec.given([defined]).when({ type: 'retire-stage', stageId: 'won', now: T0 }).thenThrows('sales.terminal-stage', 'invalid');
      const onlyOne: PipelineEvent = {
        type: 'sales.pipeline-defined',
        data: { pipelineId: P, name: 'Tiny', stages: [open('a', 10), won, lost], definedAt: T0 },
      };
      spec.given([onlyOne]).when({ type: 'retire-stage', stageId: 'a', now: T0 }).thenThrows('sales.last-open-stage', 'conflict');
    });
  });
});
