import { runService } from '@c360/runtime';
import { AnalyticsConsumerModule } from './analytics-consumer.module';

/** Example analytics consumer: reads the analytics topics (Kafka or files) and serves daily metrics. */
runService({ name: 'Analytics consumer', modules: [AnalyticsConsumerModule] });
