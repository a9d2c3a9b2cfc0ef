// The container health check (`node dist/cli/healthcheck.js`): exit 0 when GET /healthz on this machine answers 200.
import { bindAddress, loadConfig } from '../config.js';

const config = loadConfig(process.env);
const { host } = bindAddress(config);
const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
try {
  const response = await fetch(`http://${target}:${config.PORT}/healthz`, { signal: AbortSignal.timeout(3000) });
  process.exitCode = response.ok ? 0 : 1;
  if (!response.ok) process.stderr.write(`healthcheck: /healthz answered ${response.status}\n`);
} catch (error) {
  process.stderr.write(`healthcheck: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
