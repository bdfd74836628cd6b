import type { IntegrationEvent } from '@c360/integration-events';
import type { RelayObserver } from '@c360/runtime';
import type { TopicPublisher } from './topic-publisher.port';

/** The publisher, telling the observer (Prometheus) how many records it delivered and how often it failed. */
export function observedTopicPublisher(publisher: TopicPublisher, observer: RelayObserver | undefined): TopicPublisher {
  if (!observer) return publisher;
  return {
    ensureTopics: () => publisher.ensureTopics(),
    async publish(events: readonly IntegrationEvent[]) {
      try {
        await publisher.publish(events);
      } catch (error) {
        observer.failed();
        throw error;
      }
      observer.published(events.length);
    },
    close: () => publisher.close(),
  };
}
