import type { Decider } from '../decider/decider';
import { foldEvents } from '../decider/decider';
import type { DomainEvent } from '../envelope/event-envelope';
import { DomainError } from '../errors/domain-error';

/**
 * Given / when / then for deciders, without I/O:
 *
 *   spec.given([registered]).when(grantConsent).then([consentGranted]);
 *   spec.given([]).when(redeem).thenThrows('loyalty.insufficient-points');
 */
export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, foldEvents(decider, events));
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            /** Asserts on the produced events with a callback, for partial checks. */
            thenEvents(assert: (events: readonly E[]) => void): void {
              assert(run());
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            thenThrows(code: string, kind?: DomainError['kind']): DomainError {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              const domainError = thrown as DomainError;
              expect(domainError.code).toBe(code);
              if (kind) expect(domainError.kind).toBe(kind);
              return domainError;
            },
          };
        },
        /** The state after the given events, for evolve-only assertions. */
        state(): S {
          return foldEvents(decider, events);
        },
      };
    },
  };
}
