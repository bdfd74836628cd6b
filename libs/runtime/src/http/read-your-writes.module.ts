import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ReadYourWritesGuard } from './read-your-writes.guard';

/** Installs read your own writes on every route of the app (see the guard), after the AuthModule. */
@Module({ providers: [{ provide: APP_GUARD, useClass: ReadYourWritesGuard }] })
export class ReadYourWritesModule {}
