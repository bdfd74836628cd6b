import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { ContextDefinition } from '../context/context-definition';
import { gatewayResolvers } from './gateway.module';

/** The gateway's SDL as committed in docs/graphql/schema.graphql (sorted, so a diff shows only real changes). */
export async function printGatewaySchema(contexts: readonly ContextDefinition[]): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(gatewayResolvers(contexts));
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
