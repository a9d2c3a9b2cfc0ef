// Calls the /admin API with the token kept in sessionStorage; errors become messages an editor can read.
const tokenKey = 'kbqa-console-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const token = {
  get: (): string | null => sessionStorage.getItem(tokenKey),
  set: (value: string) => sessionStorage.setItem(tokenKey, value),
  clear: () => sessionStorage.removeItem(tokenKey),
};

const statusText: Record<number, string> = {
  401: '需要管理令牌，请重新登录。',
  403: '管理令牌无效，请重新登录。',
  409: '另一项发布正在进行，请稍后重试。',
  413: '文件过大：每个文件最多 5 MB。',
};

/** Called when the token is refused, so the console can ask for another. */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token.get() ?? ''}` };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试。');
  }
  if (response.ok) return response;
  let code = 'http_error';
  let message = statusText[response.status] ?? `请求失败（HTTP ${response.status}）。`;
  try {
    const error = (await response.json()).error;
    code = error.code;
    message = `${statusText[response.status] ?? '操作未完成：'}${error.message}`;
  } catch {
    // not a JSON error body: keep the generic message
  }
  if (response.status === 401 || response.status === 403) onUnauthorized();
  throw new ApiError(response.status, code, message);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await request(method, path, body)).json() as Promise<T>;
}

/** Downloads an export (the token cannot go in a plain link). */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await request('GET', path)).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
