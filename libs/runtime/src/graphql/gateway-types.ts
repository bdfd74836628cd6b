import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from './json.scalar';

@ObjectType({ description: 'What every mutation answers: the new version to send back as expectedVersion, and the new state' })
export class MutationResult {
  @Field(() => Int, { nullable: true, description: 'The stream version after the command (null when the command has none)' })
  version!: number | null;

  @Field({ description: 'True when the idempotency key was used before: nothing new was written' })
  duplicate!: boolean;

  @Field(() => JsonScalar, { description: "The owning context's answer: the entity as it now is" })
  state!: unknown;
}

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
}

@ObjectType()
export class Edge {
  @Field(() => String, { nullable: true, description: 'Null where the context pages by page cursors only' })
  cursor!: string | null;

  @Field(() => JsonScalar)
  node!: unknown;
}

@ObjectType({ description: 'A Relay connection over a page of a context read model' })
export class Connection {
  @Field(() => [Edge])
  edges!: Edge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { nullable: true, description: 'How many there are in all, where the context counts them' })
  totalCount!: number | null;

  @Field(() => JsonScalar, { nullable: true, description: 'The page answer without its items (the customer ids it covers, the position)' })
  meta!: unknown;
}
