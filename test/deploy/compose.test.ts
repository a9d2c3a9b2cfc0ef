// compose.yaml, as Debian's docker-compose reads it (`config`; no daemon needed): two keyed replicas on Redis and a
// shared index volume that an ingest job writes before they start.
import { spawnSync } from 'node:child_process';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const dockerCompose = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim();
if (!dockerCompose) console.warn('compose.test.ts skipped: docker-compose is not installed (apt-get install -y --no-install-recommends docker-compose; npm test installs it when it can)');

interface Service {
  build?: { context: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: Array<{ published: number; target: number }>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

function config(environment: Record<string, string>) {
  return spawnSync(dockerCompose, ['--file', 'compose.yaml', '--project-name', 'kbqa', 'config'], { encoding: 'utf8', env: { PATH: process.env.PATH, ...environment } });
}

describe.skipIf(!dockerCompose)('compose.yaml', () => {
  it('should refuse to start replicas without API keys', () => {
    const result = config({ OPS_TOKEN: 'ops' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set API_KEYS');
  });

  it('should run two keyed replicas on Redis, after the ingest job has written the shared index volume', () => {
    const result = config({ API_KEYS: 'key-a,key-b', OPS_TOKEN: 'ops' });
    expect(result.status, result.stderr).toBe(0);
    const { services, volumes } = load(result.stdout) as { services: Record<string, Service>; volumes: Record<string, unknown> };
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'ingest', 'redis']);
    expect(Object.keys(volumes)).toEqual(['index']);

    const ingest = services.ingest;
    expect(ingest.build).toBeDefined();
    expect(ingest.command).toEqual(['node', 'dist/cli/ingest.js', '--corpus', '/app/corpus', '--out', '/data/index']);
    expect(ingest.volumes).toEqual(['index:/data/index:rw']);

    const replicas = [services['api-1'], services['api-2']];
    for (const replica of replicas) {
      expect(replica.image).toBe(ingest.image);
      expect(replica.environment).toMatchObject({ API_KEYS: 'key-a,key-b', OPS_TOKEN: 'ops', REDIS_URL: 'redis://redis:6379', INDEX_DIR: '/data/index' });
      expect(replica.volumes).toEqual(['index:/data/index:ro']);
      expect(replica.depends_on).toEqual({ ingest: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } });
      expect(replica.ports).toHaveLength(1);
      expect(replica.ports![0].target).toBe(8787);
    }
    expect(new Set(replicas.map((replica) => replica.ports![0].published)).size).toBe(2);
    expect(services.redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });
});
