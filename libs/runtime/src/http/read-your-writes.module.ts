import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/** Installs the read-your-writes interceptor on every route of the app (see the interceptor). */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }] })
export class ReadYourWritesModule {}
