import { personalDataPolicyOf } from '@c360/kernel';
import type {
  AggregateType,
  AnyEventFieldClassification,
  AnyDocumentProjection,
  AnyWorkflow,
  DomainEvent,
  EventProcessor,
  PersonalDataPolicy,
  TimelineDeclaration,
  Upcaster,
} from '@c360/kernel';
import type { AnyIntegrationContract } from '@c360/integration-events';
import type { Provider, Type } from '@nestjs/common';
import type { GraphqlOperations } from '../graphql/graphql-operation';
import type { AccessExportPart } from './access-export/access-export-part';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a context lists aggregates of every kind
export type AnyAggregateType = AggregateType<any, DomainEvent, any>;

/** Runs once the whole application has started (a default pipeline, a scheduler). */
export interface ContextStartHook {
  onContextStart(): Promise<void> | void;
}

/**
 * Everything the platform needs to know about one bounded context, in one place. The runtime turns it
 * into a Nest module (ContextModule.register) with its providers, indexes, processors and routes — in
 * the all-in-one platform and in the context's own app alike. Replay tooling, the gateway and the
 * console walk the same list.
 */
export interface ContextDefinition {
  /** `sales`: lower-case kebab; prefixes its checkpoints and names its module. */
  readonly name: string;
  /** One line for the start-up log and the docs. */
  readonly description: string;
  /** Every aggregate the context writes (its decider and event schemas). */
  readonly aggregates: readonly AnyAggregateType[];
  /**
   * Personal fields per event type. When present, the context's event store and CommandHandler see
   * the log through a PersonalDataProtector: deciders work on plaintext, the store holds ciphertext.
   */
  readonly personalData?: PersonalDataPolicy;
  /**
   * Every event type the context writes with every text field classified as personal or plain
   * (`classifyEventFields<ContextEvent>()`, ADR 0013). The sealing policy (`personalData`) is derived
   * from it; `defineContext` refuses an aggregate event type that is missing.
   */
  readonly eventFields?: AnyEventFieldClassification;
  /**
   * The customer directory the context needs (`customerDirectoryProjection('<context>')` from
   * `@c360/contacts-contracts`): run as one of its projections, read by `CustomerDirectory.require`.
   */
  readonly customerDirectory?: AnyDocumentProjection;
  /**
   * The context's section of the customer's access export (ADR 0013): resolved from its providers and
   * collected with every other context's part; contacts' export route writes them into one document.
   */
  readonly accessExport?: Type<AccessExportPart>;
  /** Read models, each with its indexes; checkpointed as `<context>:projection:<name>_v<version>`. */
  readonly projections?: readonly AnyDocumentProjection[];
  /** Process managers as pure workflows; their commands go through the CommandBus. */
  readonly workflows?: readonly AnyWorkflow[];
  /** Processors that are not a projection or a workflow (resolved from the context's providers). */
  readonly processors?: readonly Type<EventProcessor>[];
  /** Applied to every reader of the log (all contexts see current schemas). */
  readonly upcasters?: readonly Upcaster[];
  /** Integration events it publishes (the relay collects them from every definition). */
  readonly publishes?: readonly AnyIntegrationContract[];
  /**
   * How its customer-relevant events read on the unified customer timeline (usually exported by its
   * contracts lib beside the shared-event shapes): the customer 360 context collects every definition's.
   */
  readonly timeline?: TimelineDeclaration;
  /** Event types of other contexts' published contracts that its workflows read. */
  readonly consumes?: readonly string[];
  readonly controllers?: readonly Type<unknown>[];
  /**
   * Its queries and mutations on the GraphQL gateway, each answered by one of its own routes (so the
   * route's roles, validation and use case apply unchanged): plugging a context in is this list.
   */
  readonly graphql?: GraphqlOperations;
  /** Use-case handlers (CQRS command and query handlers), services, guards. */
  readonly providers?: readonly Provider[];
  /** Providers other contexts' modules may inject (rare: prefer published events). */
  readonly exports?: readonly (Type<unknown> | string | symbol)[];
  readonly onStart?: readonly Type<ContextStartHook>[];
  /**
   * Checkpoints stored under an earlier name, new name → old name: the runtime carries the position
   * over once, so a rename does not restart a processor from zero (the orphan guard refuses otherwise).
   */
  readonly formerCheckpoints?: Readonly<Record<string, string>>;
  /** Validates the context's own settings at start-up (throw ConfigError) and says a few words about them. */
  readonly settings?: () => string | undefined;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Declares a context. Checks what can be checked without running it: a usable name, no two
 * projections or workflows with the same name (they would share a checkpoint), and a field
 * classification for every event type its aggregates write (from which the sealing policy follows).
 */
export function defineContext(definition: ContextDefinition): ContextDefinition {
  if (!NAME.test(definition.name)) throw new Error(`Context name "${definition.name}" must be lower-case kebab (a-z, 0-9, -)`);
  const seen = new Set<string>();
  const names = [
    ...(definition.projections ?? []).map((projection) => `projection ${projection.name}`),
    ...(definition.workflows ?? []).map((workflow) => `workflow ${workflow.name}`),
  ];
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Context ${definition.name} declares two of ${name}`);
    seen.add(name);
  }
  if (definition.customerDirectory) {
    definition = { ...definition, projections: [...(definition.projections ?? []), definition.customerDirectory] };
  }
  if (!definition.eventFields) return definition;
  const missing = definition.aggregates
    .flatMap((aggregate) => Object.keys(aggregate.eventSchemas))
    .filter((type) => !definition.eventFields?.[type]);
  if (missing.length > 0) throw new Error(`Context ${definition.name} does not classify the fields of ${missing.join(', ')}`);
  return { ...definition, personalData: definition.personalData ?? personalDataPolicyOf(definition.eventFields) };
}
