import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, registerCustomer } from './contacts-api.fixtures';

describe('contacts API: acquisition and referrals', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await contactsPlatform();
  });
  afterEach(() => platform.close());

  it('registers with a referral code, and answers the chain and the referees', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'], acquisitionSource: 'store' });
    const bo = await registerCustomer(platform, {
      name: { first: 'Bo' },
      emails: ['bo@example.com'],
      referralCode: ann.referralCode.toLowerCase(),
    });
    await platform.processors.waitUntilCaughtUp();
    const cy = await registerCustomer(platform, { name: { first: 'Cy' }, emails: ['cy@example.com'], referrerId: bo.customerId });
    await platform.processors.waitUntilCaughtUp();

    const chain = await platform.http.get(`/customers/${cy.customerId}/referral-chain`).expect(200);
    expect(chain.body).toMatchObject({
      customerId: cy.customerId,
      chain: [{ customerId: bo.customerId }, { customerId: ann.customerId, referralCode: ann.referralCode }],
    });
    const referees = await platform.http.get(`/customers/${ann.customerId}/referees`).expect(200);
    expect(referees.body.items.map((r: { customerId: string }) => r.customerId)).toEqual([bo.customerId]);
    const profile = await platform.http.get(`/customers/${bo.customerId}`).expect(200);
    expect(profile.body).toMatchObject({ referrerId: ann.customerId });
  });

  it('sets the referrer once, never oneself, never in a cycle', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'] });
    const bo = await registerCustomer(platform, { name: { first: 'Bo' }, emails: ['bo@example.com'] });
    const cy = await registerCustomer(platform, { name: { first: 'Cy' }, emails: ['cy@example.com'] });
    await platform.http.put(`/customers/${bo.customerId}/referrer`).send({ referrerId: ann.customerId }).expect(200);
    await platform.http.put(`/customers/${cy.customerId}/referrer`).send({ referrerId: bo.customerId }).expect(200);

    const cycle = await platform.http.put(`/customers/${ann.customerId}/referrer`).send({ referrerId: cy.customerId }).expect(409);
    expect(cycle.body).toMatchObject({ error: 'contacts.referral-cycle' });
    const self = await platform.http.put(`/customers/${ann.customerId}/referrer`).send({ referrerId: ann.customerId }).expect(422);
    expect(self.body.error).toBe('contacts.self-referral');
    const again = await platform.http.put(`/customers/${cy.customerId}/referrer`).send({ referrerId: ann.customerId }).expect(409);
    expect(again.body.error).toBe('contacts.referrer-already-set');
    const unknown = await platform.http
      .put(`/customers/${ann.customerId}/referrer`)
      .send({ referrerId: '0190a000-0000-7000-8000-000000000404' })
      .expect(422);
    expect(unknown.body).toMatchObject({ error: 'contacts.unknown-referrer', details: { field: 'referrerId' } });
    await platform.http.put(`/customers/${ann.customerId}/referrer`).send({}).expect(422);
    await platform.http.put(`/customers/${ann.customerId}/referrer`).send({ referrerId: 'x' }).expect(400);
  });
});
