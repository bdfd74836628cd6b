import { deciderSpec } from '@c360/kernel/testing';
import { ANN, T1, registered } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';

const spec = deciderSpec(customerDecider);

describe('customer e-mails and phones', () => {
  it('adds a normalised e-mail once', () => {
    spec
      .given([registered(ANN)])
      .when({ type: 'add-email', customerId: ANN, at: T1, email: ' Work@Example.com ' })
      .then([{ type: 'contacts.email-added', data: { customerId: ANN, email: 'work@example.com', addedAt: T1 } }]);
    spec
      .given([registered(ANN)])
      .when({ type: 'add-email', customerId: ANN, at: T1, email: 'ANN@example.com' })
      .thenNothing();
  });

  it('adds a phone in E.164 using the default region', () => {
    spec
      .given([registered(ANN)])
      .when({ type: 'add-phone', customerId: ANN, at: T1, phone: '912 34 567', defaultRegion: 'NO' })
      .then([{ type: 'contacts.phone-added', data: { customerId: ANN, phone: '+4791234567', addedAt: T1 } }]);
  });

  it('removes an e-mail it has, and says 404 for one it has not', () => {
    spec
      .given([registered(ANN, { phones: ['+4791234567'] })])
      .when({ type: 'remove-email', customerId: ANN, at: T1, email: 'ann@example.com' })
      .then([{ type: 'contacts.email-removed', data: { customerId: ANN, email: 'ann@example.com', removedAt: T1, reason: 'requested' } }]);
    spec
      .given([registered(ANN)])
      .when({ type: 'remove-email', customerId: ANN, at: T1, email: 'other@example.com' })
      .thenThrows('contacts.email-not-found', 'not-found');
    spec
      .given([registered(ANN)])
      .when({ type: 'remove-phone', customerId: ANN, at: T1, phone: '+4791234567' })
      .thenThrows('contacts.phone-not-found', 'not-found');
  });

  it('never removes the last way to identify a customer', () => {
    spec
      .given([registered(ANN, { name: undefined })])
      .when({ type: 'remove-email', customerId: ANN, at: T1, email: 'ann@example.com' })
      .thenThrows('contacts.empty-profile');
  });

  it('limits a customer to ten e-mails', () => {
    const emails = Array.from({ length: 10 }, (_, index) => `a${index}@example.com`);
    spec
      .given([registered(ANN, { emails })])
      .when({ type: 'add-email', customerId: ANN, at: T1, email: 'eleven@example.com' })
      .thenThrows('contacts.too-many-emails');
  });
});
