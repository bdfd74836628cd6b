import { CommandHandler, streamName, type CommandContext } from '@c360/kernel';
import { loyaltyIdentity, type IdentityKind } from '@c360/loyalty-domain';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** A pseudonymous key for an identity: the raw fingerprint or device id is never stored by loyalty. */
export function identityKey(kind: IdentityKind, value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('hex').slice(0, 40);
}

@Injectable()
export class LoyaltyIdentityService {
  constructor(private readonly commands: CommandHandler) {}

  observe(kind: IdentityKind, value: string, customerId: string, now: string, context: CommandContext) {
    const key = identityKey(kind, value);
    return this.commands.handle(
      loyaltyIdentity,
      streamName('loyalty', 'identity', key),
      { type: 'observe-identity', identityKey: key, kind, customerId, now },
      context,
    );
  }
}
