import { RelayModule } from '@c360/relay';
import { runService } from '@c360/runtime';

/** The relay on its own: integration events from the log to Kafka (or topic files), at least once. */
runService({ name: 'Relay', modules: [RelayModule] });
