import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdempotencyGuard } from './idempotency.guard';

/**
 * Registered once by the runtime, after the AuthModule (its guard needs the verified actor): every route
 * of every app binds its Idempotency-Keys to one request.
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: IdempotencyGuard }] })
export class IdempotencyModule {}
