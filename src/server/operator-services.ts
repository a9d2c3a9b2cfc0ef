// What the operator console's routes need: the store, the publisher of corpus changes, and the logging switch.
import type { CorpusPublisher } from '../operator/corpus-publisher.js';
import type { OperatorStore } from '../operator-store/operator-store.js';

export interface OperatorServices {
  store: OperatorStore;
  publisher: CorpusPublisher;
  /** LOG_CONVERSATIONS: off by default, nothing is stored. */
  logConversations: boolean;
  retentionDays: number;
  standardAnswerSimilarity: number;
}
