import { parse } from 'graphql';
import { errorFromResponse } from './gateway-errors';
import { maskPersonalData } from './personal-data-mask';
import { queryDepth } from './query-limits';

describe('gateway parts', () => {
  it('masks personal fields however deep, and leaves a reward or pipeline name alone', () => {
    const masked = maskPersonalData({
      profile: { name: { first: 'سارا', last: 'کریمی' }, emails: ['sara@example.com'], phones: ['+989121234567'] },
      reward: { name: 'Free coffee' },
    }) as { profile: { name: { first: string }; emails: string[]; phones: string[] }; reward: { name: string } };
    expect(masked.profile.emails[0]).toBe('s•••@example.com');
    expect(masked.profile.phones[0]).toBe('+98••••••••67');
    expect(masked.profile.name.first).not.toContain('ار');
    expect(masked.reward.name).toBe('Free coffee');
  });

  it('counts depth through fragments', () => {
    expect(queryDepth(parse('{ a { b { c } } }'))).toBe(3);
    expect(queryDepth(parse('{ ...F } fragment F on Query { a { b } }'))).toBe(2);
  });

  it('names the GraphQL argument of a REST validation error', () => {
    const body = { error: 'validation_failed', message: 'x', fields: [{ field: 'name.first', problems: ['must not be empty'] }] };
    expect(errorFromResponse(400, body, new Set(), 'input').extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name.first',
    });
    const header = { fields: [{ field: 'Idempotency-Key', problems: ['must be a UUID'] }] };
    expect(errorFromResponse(400, header, new Set(['Idempotency-Key']), 'input').extensions).toMatchObject({ field: 'idempotencyKey' });
    expect(errorFromResponse(422, { error: 'loyalty.insufficient-points', message: 'no' }, new Set(), 'input').extensions).toMatchObject({
      code: 'BUSINESS_RULE',
      rule: 'loyalty.insufficient-points',
    });
  });

  it("passes a read-your-writes wait that ran out on as retryable, with the route's code", () => {
    const body = {
      statusCode: 504,
      error: 'min_position_not_reached',
      message: 'The read models did not reach position 9 …; retry the read',
    };
    const error = errorFromResponse(504, body, new Set(), 'filter');
    expect(error.extensions).toMatchObject({ code: 'UNAVAILABLE', rule: 'min_position_not_reached' });
    expect(error.message).toContain('retry the read');
    expect(errorFromResponse(503, { error: 'read_model_failed', message: 'stopped' }, new Set(), 'filter').extensions).toMatchObject({
      code: 'UNAVAILABLE',
      rule: 'read_model_failed',
    });
  });
});
