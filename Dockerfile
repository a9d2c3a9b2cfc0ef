# The chat server image. Users build it (`docker build -t kbqa .`, or `docker compose build`): our CI has no Docker
# daemon, so it runs the same steps outside a container instead (test/deploy/dockerfile.test.ts).

# --- build: native modules compiled here, the server bundled into dist/, dev dependencies dropped ---
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY scripts scripts
COPY src src
RUN npm run build
RUN npm prune --omit=dev

# --- runtime: compiled code and production modules only, run by the unprivileged `node` user ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=8787 \
    CORPUS_DIR=/app/corpus \
    INDEX_DIR=/data/index \
    SESSION_DB=/data/sessions.sqlite \
    OPERATOR_DB=/data/operator.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY corpus corpus
# The index, the SQLite sessions and operator data live on /data, the only place the server writes.
RUN mkdir -p /data/index && chown -R node:node /data
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 CMD ["node", "dist/cli/healthcheck.js"]
# Without API_KEYS the server listens on 127.0.0.1 only: set API_KEYS to reach it from outside the container.
CMD ["node", "dist/cli/serve.js"]
