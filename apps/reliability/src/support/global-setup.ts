import { resetReport } from './report';

/** `npm run test:reliability` starts with an empty table. */
export default function globalSetup(): void {
  resetReport();
}
