import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { ContactsModule } from '../contacts.context';

export async function contactsPlatform(): Promise<TestPlatform> {
  return createTestPlatform({ imports: [ContactsModule] });
}

export async function registerCustomer(
  platform: TestPlatform,
  body: Record<string, unknown>,
): Promise<{ customerId: string; version: number; referralCode: string }> {
  const response = await platform.http.post('/customers').send(body);
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { customerId: string; version: number; referralCode: string };
}

/** Every event of every stream, raw as stored (ciphertext where personal). */
export function rawEvents(platform: TestPlatform) {
  return platform.stores.eventStore.readAll({ maxCount: 10_000 }).then((slice) => slice.events);
}
