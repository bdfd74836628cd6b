# One image for every app of the platform; the service's command picks the app (infra/docker-compose.yml).
#   docker build -t c360 .
#   docker run --rm -p 127.0.0.1:3000:3000 -v c360-data:/data c360                    # npm start, embedded stores
#   docker run --rm c360 apps/sales/src/main.ts                                        # one context service
# Apps run from their TypeScript sources through scripts/run-ts.js (SWC transpiles at start-up), as `npm start` does.

# 1. Dependencies, with the compilers native modules need (better-sqlite3 builds from source when no prebuilt fits).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The sources type-check before anything ships.
FROM deps AS checked
COPY . .
RUN npm run typecheck

# 3. The runtime: no compilers, no tests, data in a volume.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    C360_DATA_DIR=/data
COPY --from=deps /app/node_modules ./node_modules
COPY --from=checked /app/package.json /app/tsconfig.base.json /app/tsconfig.json ./
COPY --from=checked /app/scripts ./scripts
COPY --from=checked /app/apps ./apps
COPY --from=checked /app/libs ./libs
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "scripts/run-ts.js"]
CMD ["apps/platform/src/main.ts"]
