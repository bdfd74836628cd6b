import type { CommandContext } from '@c360/kernel';
import { AuthenticatePartner } from '@c360/loyalty-application';
import { QueryBus, commandContextFrom, setRequestActor } from '@c360/runtime';
import { Injectable, UnauthorizedException, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

type PartnerRequest = FastifyRequest & { partnerId?: string };

/**
 * Partner endpoints need the partner's own key in `X-Partner-Key`; the key's hash is looked up. In the
 * role table these routes declare this credential (`@CredentialOf('partner-key', PartnerKeyGuard)`), and
 * the verified partner becomes the request's actor, whatever other credentials the request carries.
 */
@Injectable()
export class PartnerKeyGuard implements CanActivate {
  constructor(private readonly queries: QueryBus) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PartnerRequest>();
    const header = request.headers['x-partner-key'];
    const key = Array.isArray(header) ? header[0] : header;
    const partnerId = key ? await this.queries.execute(new AuthenticatePartner(key)) : null;
    if (!partnerId) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'partner_unauthorised',
        message: 'A valid X-Partner-Key header is required',
      });
    }
    request.partnerId = partnerId;
    setRequestActor(request, { id: partnerId, role: 'partner' });
    return true;
  }
}

/** The command context of a partner request: its actor is the partner, whatever other headers say. */
export const PartnerCommandContext = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): CommandContext & { actor: { id: string; role: 'partner' } } => {
    const request = ctx.switchToHttp().getRequest<PartnerRequest>();
    return { ...commandContextFrom(request), actor: { id: request.partnerId ?? '', role: 'partner' } };
  },
);
