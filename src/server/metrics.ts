// Prometheus metrics of the service.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  latency: Histogram<'route' | 'method' | 'status'>;
  answers: Counter<'status'>;
  conflicts: Counter<'rule'>;
  indexVersion: Gauge<'version'>;
  llmCalls: Counter<'outcome'>;
}

/** The service's metrics, plus the process and event-loop metrics of prom-client (`process_*`, `nodejs_*`). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    requests: new Counter({ name: 'kbqa_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    latency: new Histogram({
      name: 'kbqa_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    answers: new Counter({ name: 'kbqa_answers_total', help: 'Answers by status', labelNames: ['status'], registers: [registry] }),
    conflicts: new Counter({ name: 'kbqa_conflicts_resolved_total', help: 'Conflicts in answers by the rule that decided', labelNames: ['rule'], registers: [registry] }),
    // Summed over cluster workers this would count workers; `max` keeps it 1 per version serving.
    indexVersion: new Gauge({ name: 'kbqa_index_version_info', help: 'The index version serving (value 1)', labelNames: ['version'], registers: [registry], aggregator: 'max' }),
    llmCalls: new Counter({ name: 'kbqa_llm_answers_total', help: 'LLM answers by outcome: ok, repaired, or the fallback reason (timeout, upstream_error, circuit_open, unsupported_number…)', labelNames: ['outcome'], registers: [registry] }),
  };
  return metrics;
}

/** Marks `version` as the one serving. */
export function setIndexVersion(metrics: Metrics, version: string): void {
  metrics.indexVersion.reset();
  metrics.indexVersion.set({ version }, 1);
}
