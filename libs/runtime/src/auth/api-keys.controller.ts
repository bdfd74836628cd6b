import type { Clock } from '@c360/kernel';
import { Body, Controller, Get, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { CLOCK } from '../infrastructure/tokens';
import { Roles } from './access.decorators';
import { generateApiKey, hashApiKey, type ApiKeyStore } from './api-keys';
import { API_KEY_STORE } from './auth.tokens';
import { ACCESS, ROLES, type Role } from './roles';

export class CreateApiKeyDto {
  /** Who holds the key (`orders-feed`): the actor id of everything it does. */
  @IsString() @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: '$property must be 1-64 letters, digits or ._:-' }) client!: string;
  @IsIn(ROLES) role!: Role;
}

export class ApiKeyParams {
  @IsString() @Matches(/^[A-Za-z0-9_-]{12}$/, { message: '$property must be a key id' }) keyId!: string;
}

/** API keys of machine clients: created by an administrator, shown once, stored hashed, revocable. */
@Controller('admin/api-keys')
@Roles(...ACCESS.administer)
export class ApiKeysController {
  constructor(
    @Inject(API_KEY_STORE) private readonly keys: ApiKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for a machine client (the key is shown only in this answer)' })
  async create(@Body() body: CreateApiKeyDto) {
    const { keyId, key } = generateApiKey();
    const createdAt = this.clock.now().toISOString();
    await this.keys.add({ keyId, client: body.client, role: body.role, hash: hashApiKey(key), createdAt });
    return { keyId, client: body.client, role: body.role, createdAt, key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (ids, clients, roles; never the keys)' })
  async list() {
    const records = await this.keys.list();
    return { items: records.map(({ hash: _hash, ...visible }) => visible) };
  }

  @Post(':keyId/revocation')
  @ApiOperation({ summary: 'Revoke an API key: requests with it answer 401 from now on' })
  async revoke(@Param() params: ApiKeyParams) {
    if (!(await this.keys.revoke(params.keyId, this.clock.now().toISOString()))) {
      throw new NotFoundException({ statusCode: 404, error: 'api-key.not-found', message: `No API key ${params.keyId}` });
    }
    return { keyId: params.keyId, revoked: true };
  }
}
