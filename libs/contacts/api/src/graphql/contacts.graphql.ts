import { graphqlCommand, graphqlQuery, type GraphqlOperations } from '@c360/runtime';

const read = graphqlQuery;
const edit = (name: string, description: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, input = true) =>
  graphqlCommand(name, description, method, path, { input });

/** Contacts on the GraphQL gateway: each field is answered by the contacts route named beside it. */
export const CONTACTS_GRAPHQL: GraphqlOperations = [
  read(
    'customerSearch',
    'Find customers by name, email, phone or referrer (filter: q, email, phone, referredBy, limit, after)',
    '/customers',
    {
      filter: true,
      connection: true,
    },
  ),
  read('customer', "A customer's profile (a merged-away id answers with its survivor)", '/customers/:id', { filter: true }),
  read('customerConsents', "A customer's consent history", '/customers/:id/consents'),
  read(
    'customerConsentAt',
    'Whether consent to a channel and purpose held at a time (filter: at)',
    '/customers/:id/consents/:channel/:purpose',
    {
      filter: true,
    },
  ),
  read('customerDuplicates', 'Likely duplicates of a customer', '/customers/:id/duplicates'),
  read('customerReferralChain', 'Who referred the customer, and who referred them', '/customers/:id/referral-chain'),
  read('customerReferees', 'Customers this one referred', '/customers/:id/referees', { filter: true, connection: true }),
  read('customerExport', "The customer's access export: every context's data about them", '/customers/:id/export'),
  edit('registerCustomer', 'Register a customer', 'POST', '/customers'),
  edit('updateCustomerProfile', 'Change profile fields', 'PATCH', '/customers/:id'),
  edit('grantConsent', 'Record a consent granted', 'POST', '/customers/:id/consents/grants'),
  edit('revokeConsent', 'Record a consent revoked', 'POST', '/customers/:id/consents/revocations'),
  edit('addCustomerEmail', 'Add an email address', 'POST', '/customers/:id/emails'),
  edit('removeCustomerEmail', 'Remove an email address', 'DELETE', '/customers/:id/emails/:email', false),
  edit('addCustomerPhone', 'Add a phone number', 'POST', '/customers/:id/phones'),
  {
    ...edit('removeCustomerPhone', 'Remove a phone number (filter: region)', 'DELETE', '/customers/:id/phones/:phone', false),
    filter: true,
  },
  edit('mergeCustomer', 'Merge this customer into another (the survivor)', 'POST', '/customers/:id/merges'),
  edit('undoCustomerMerge', 'Undo a merge', 'POST', '/customers/:id/merges/:mergeId/undo', false),
  edit('setCustomerReferrer', 'Record who referred the customer', 'PUT', '/customers/:id/referrer'),
  edit('eraseCustomer', "Erase a customer's personal data (crypto-shredding)", 'POST', '/customers/:id/erasure', false),
];
